/**
 * Transfer requests: what the assistant makes of "send 5,000 to Li Lei". A request is validated, risk-checked
 * and parked as a review case; only a reviewer's approval books it.
 */
package com.northbridge.assistant.transfer;
