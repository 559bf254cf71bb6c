package com.northbridge.assistant.banking;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /**
     * The customers an identifier belongs to: the holder of the account with this number, or the customer
     * registered with this mobile number, e-mail address or resident ID. Empty when it is nobody's here.
     * Numbers are given as digits only (a resident ID may end in X), e-mail addresses in any case.
     */
    Set<String> ownersOf(String identifier);

    /** The holders of accounts whose number ends in these digits: what "尾号1234" or "****1234" names. */
    Set<String> accountHoldersEndingIn(String lastDigits);

    /** The customers whose registered name occurs in the text (ignoring case), by id, with that name. */
    Map<String, String> customersNamedIn(String text);

    boolean watchListed(String accountNumber);

    TransferHistory history(String customerId, Instant now);

    /**
     * Books an approved transfer: checks balance and limits again at this moment and writes the ledger in
     * the caller's transaction. Booking the same order twice is impossible (the ledger refuses it).
     */
    ExecutionResult execute(TransferOrder order, Instant now);
}
