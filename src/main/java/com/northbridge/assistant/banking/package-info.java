/**
 * The bank's core data as the assistant sees it: customers, accounts, payees, the ledger. {@link
 * com.northbridge.assistant.banking.CoreBanking} is the seam where a real core system replaces the embedded
 * PostgreSQL implementation.
 */
package com.northbridge.assistant.banking;
