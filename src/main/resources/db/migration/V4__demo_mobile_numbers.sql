-- The first demo seed wrote 12-digit mobile numbers; a mainland mobile number has 11 digits.
UPDATE customer SET mobile = substr(mobile, 1, 3) || substr(mobile, 5) WHERE length(mobile) = 12;
