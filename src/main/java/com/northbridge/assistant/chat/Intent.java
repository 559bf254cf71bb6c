package com.northbridge.assistant.chat;

/** What a customer's message asks for, as the offline engine and the risk gate understand it. */
public enum Intent {
    /** Balances or recent transactions of the customer's own accounts. */
    BALANCE,
    /** A request to move money. */
    TRANSFER,
    /** Help with filling in or checking a form (transfer, new payee, loan application, contact details). */
    FORM_HELP,
    /** A question about products, fees, limits or rules: answered from the documents. */
    PRODUCT_QUESTION,
    COMPLAINT,
    /** The customer asks for a person. */
    HANDOFF,
    GREETING,
    /** Not about the customer's banking with us (stock tips, other banks, weather, ...). */
    OUT_OF_SCOPE
}
