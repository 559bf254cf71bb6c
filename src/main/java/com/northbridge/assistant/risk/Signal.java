package com.northbridge.assistant.risk;

/**
 * What a single customer message can show about risk, before anything is answered or executed. The order is
 * the order {@link MessageSignals#detect} reports them in. Each has the name of the risk reason it raises,
 * so the gate maps one to the other by name.
 */
public enum Signal {
    /** Instructions aimed at the assistant: overriding its rules, jailbreak role-play, extracting its prompt, encoded or fake-system instructions. */
    PROMPT_INJECTION,
    /** The writer says they act for another person ("I'm calling for my father", "我替我妈查"). */
    IMPERSONATION,
    /** A request for another person's balance, transactions, card, ID, phone or address. */
    OTHER_CUSTOMER_DATA,
    /** Authority or urgency pressure typical of scams: police or court with a threat, a "safe account", "or your account will be frozen". */
    AUTHORITY_PRESSURE,
    /** The customer describes being scammed or a suspicious request (someone wants their SMS code, told them to move money). */
    FRAUD_REPORT,
    /** A change of mobile number, e-mail or address. */
    CONTACT_CHANGE,
    /** A password or PIN reset or change, an unlock, or binding a new device. */
    CREDENTIAL_CHANGE,
    /** Verifying identity or updating the ID document on file. */
    IDENTITY_VERIFICATION,
    /** A request for a personal recommendation about products ("which fund should I buy?"). */
    PRODUCT_ADVICE
}
