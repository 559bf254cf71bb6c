package com.northbridge.assistant.risk;

/** Message-level risk signals (interim version; the detector set is being completed). */
public enum Signal {
    PROMPT_INJECTION, IMPERSONATION, OTHER_CUSTOMER_DATA, AUTHORITY_PRESSURE, FRAUD_REPORT, CONTACT_CHANGE, CREDENTIAL_CHANGE,
    IDENTITY_VERIFICATION, PRODUCT_ADVICE
}
