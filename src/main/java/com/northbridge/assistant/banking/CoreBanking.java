package com.northbridge.assistant.banking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The core banking system as the assistant uses it. Every method takes the customer whose data it reads, and
 * the callers take that customer from the signed-in identity, never from what a model wrote. The embedded
 * implementation keeps the data in PostgreSQL; a bank plugs in its own core system behind this interface.
 */
public interface CoreBanking {

    Optional<CustomerProfile> customer(String customerId);

    List<AccountView> accounts(String customerId);

    /** The most recent movements on one of the customer's accounts, newest first. */
    List<TransactionView> recentTransactions(String customerId, String accountId, int limit);

    List<PayeeView> payees(String customerId);

    /** The customer who holds an account with us, if any: used to detect requests for someone else's data. */
    Optional<String> accountHolder(String accountNumber);

    boolean watchListed(String accountNumber);

    TransferHistory history(String customerId, Instant now);

    /**
     * Books an approved transfer: checks balance and limits again at this moment and writes the ledger in
     * the caller's transaction. Booking the same order twice is impossible (the ledger refuses it).
     */
    ExecutionResult execute(TransferOrder order, Instant now);
}
