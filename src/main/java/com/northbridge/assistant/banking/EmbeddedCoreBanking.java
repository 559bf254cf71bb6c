package com.northbridge.assistant.banking;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The core banking data in our own PostgreSQL, written with plain SQL because the ledger's correctness is in
 * its statements: row locks on the accounts, a balance that cannot go negative, one ledger entry per
 * transfer and account. Calls join the caller's transaction.
 */
@ApplicationScoped
public class EmbeddedCoreBanking implements CoreBanking {

    private final DataSource dataSource;
    private final BankingConfig config;

    public EmbeddedCoreBanking(DataSource dataSource, BankingConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Override
    public Optional<CustomerProfile> customer(String customerId) {
        return query("SELECT id, name, language, mobile, email, contact_changed_at FROM customer WHERE id = ?", ps -> ps.setString(1, customerId),
                rs -> new CustomerProfile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        instant(rs.getTimestamp(6)))).stream().findFirst();
    }

    @Override
    public List<AccountView> accounts(String customerId) {
        return query("SELECT id, product, currency, balance, single_limit, daily_limit FROM account WHERE customer_id = ? ORDER BY opened_at, id",
                ps -> ps.setString(1, customerId), EmbeddedCoreBanking::account);
    }

    @Override
    public List<TransactionView> recentTransactions(String customerId, String accountId, int limit) {
        return query("""
                SELECT l.booked_at, l.amount, l.currency, l.counterparty_name, l.description, l.category, l.balance_after
                FROM ledger_entry l JOIN account a ON a.id = l.account_id
                WHERE l.account_id = ? AND a.customer_id = ? ORDER BY l.booked_at DESC, l.id DESC LIMIT ?""",
                ps -> {
                    ps.setString(1, accountId);
                    ps.setString(2, customerId);
                    ps.setInt(3, limit);
                },
                rs -> new TransactionView(instant(rs.getTimestamp(1)), rs.getBigDecimal(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7)));
    }

    @Override
    public List<PayeeView> payees(String customerId) {
        return query("SELECT name, account_number, bank_name, added_at FROM payee WHERE customer_id = ? ORDER BY added_at",
                ps -> ps.setString(1, customerId),
                rs -> new PayeeView(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4))));
    }

    @Override
    public Optional<String> accountHolder(String accountNumber) {
        return query("SELECT customer_id FROM account WHERE id = ?", ps -> ps.setString(1, accountNumber), rs -> rs.getString(1))
                .stream().findFirst();
    }

    @Override
    public Set<String> ownersOf(String identifier) {
        return new TreeSet<>(query("""
                SELECT customer_id FROM account WHERE id = ?
                UNION SELECT id FROM customer WHERE mobile = ? OR lower(email) = lower(?) OR upper(resident_id) = upper(?)""",
                ps -> {
                    for (int i = 1; i <= 4; i++) {
                        ps.setString(i, identifier);
                    }
                }, rs -> rs.getString(1)));
    }

    @Override
    public Set<String> accountHoldersEndingIn(String lastDigits) {
        // right() rather than LIKE: the digits are data, never a pattern.
        return new TreeSet<>(query("SELECT DISTINCT customer_id FROM account WHERE right(id, ?) = ?", ps -> {
            ps.setInt(1, lastDigits.length());
            ps.setString(2, lastDigits);
        }, rs -> rs.getString(1)));
    }

    @Override
    public Map<String, String> customersNamedIn(String text) {
        Map<String, String> named = new TreeMap<>();
        for (String[] row : query("SELECT id, name FROM customer WHERE strpos(lower(?), lower(name)) > 0", ps -> ps.setString(1, text),
                rs -> new String[] {rs.getString(1), rs.getString(2)})) {
            named.put(row[0], row[1]);
        }
        return named;
    }

    @Override
    public boolean watchListed(String accountNumber) {
        return !query("SELECT 1 FROM watchlist_entry WHERE account_number = ?", ps -> ps.setString(1, accountNumber), rs -> 1).isEmpty();
    }

    @Override
    public TransferHistory history(String customerId, Instant now) {
        Instant startOfDay = LocalDate.ofInstant(now, config.zone()).atStartOfDay(config.zone()).toInstant();
        BigDecimal threshold = config.rules().reportingThreshold();
        return query("""
                WITH outgoing AS (
                    SELECT l.booked_at, -l.amount AS amount FROM ledger_entry l JOIN account a ON a.id = l.account_id
                    WHERE a.customer_id = ? AND l.amount < 0 AND l.category = 'transfer' AND l.booked_at > ?::timestamptz - interval '12 months'
                )
                SELECT coalesce(sum(amount) FILTER (WHERE booked_at >= ?), 0),
                       count(*) FILTER (WHERE booked_at >= ?),
                       count(*) FILTER (WHERE booked_at >= ?::timestamptz - interval '1 hour'),
                       coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY amount), 0),
                       coalesce(max(amount), 0),
                       count(*),
                       count(*) FILTER (WHERE booked_at >= ?::timestamptz - interval '30 days' AND amount >= ? AND amount < ?),
                       coalesce(max(amount) FILTER (WHERE booked_at >= (SELECT contact_changed_at FROM customer WHERE id = ?)), 0)
                FROM outgoing""",
                ps -> {
                    Timestamp t = Timestamp.from(now);
                    ps.setString(1, customerId);
                    ps.setTimestamp(2, t);
                    ps.setTimestamp(3, Timestamp.from(startOfDay));
                    ps.setTimestamp(4, Timestamp.from(startOfDay));
                    ps.setTimestamp(5, t);
                    ps.setTimestamp(6, t);
                    ps.setBigDecimal(7, threshold.multiply(new BigDecimal("0.9")));
                    ps.setBigDecimal(8, threshold);
                    ps.setString(9, customerId);
                },
                rs -> new TransferHistory(rs.getBigDecimal(1), rs.getInt(2), rs.getInt(3), rs.getBigDecimal(4).setScale(2, java.math.RoundingMode.HALF_UP),
                        rs.getBigDecimal(5), rs.getInt(6), rs.getInt(7), rs.getBigDecimal(8))).get(0);
    }

    @Override
    public ExecutionResult execute(TransferOrder order, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            String payeeHolder = holder(c, order.payeeAccount());
            // Lock both of our accounts in a fixed order, so two approvals crossing each other cannot deadlock.
            List<String> locks = new ArrayList<>(List.of(order.fromAccount()));
            if (payeeHolder != null && !order.payeeAccount().equals(order.fromAccount())) {
                locks.add(order.payeeAccount());
            }
            locks.sort(null);
            AccountView from = null;
            AccountView to = null;
            String owner = null;
            for (String id : locks) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id, product, currency, balance, single_limit, daily_limit, customer_id FROM account WHERE id = ? FOR UPDATE")) {
                    ps.setString(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return ExecutionResult.refused("account_not_found", "The account " + id + " no longer exists.");
                        }
                        if (id.equals(order.fromAccount())) {
                            from = account(rs);
                            owner = rs.getString(7);
                        } else {
                            to = account(rs);
                        }
                    }
                }
            }
            if (!order.customerId().equals(owner)) {
                return ExecutionResult.refused("not_owner", "The paying account does not belong to the customer.");
            }
            if (!from.currency().equals(order.currency())) {
                return ExecutionResult.refused("currency", "The paying account is in " + from.currency() + ", the transfer in " + order.currency() + ".");
            }
            if (from.balance().compareTo(order.amount()) < 0) {
                return ExecutionResult.refused("insufficient_funds", "The balance is " + from.balance() + ", less than the amount.");
            }
            if (order.amount().compareTo(from.singleLimit()) > 0) {
                return ExecutionResult.refused("single_limit", "The amount is over the account's single-transfer limit of " + from.singleLimit() + ".");
            }
            TransferHistory history = history(order.customerId(), now);
            if (history.outgoingToday().add(order.amount()).compareTo(from.dailyLimit()) > 0) {
                return ExecutionResult.refused("daily_limit", "Today's transfers would exceed the daily limit of " + from.dailyLimit() + ".");
            }
            if (history.countToday() >= config.rules().maxTransfersPerDay()) {
                return ExecutionResult.refused("daily_count", "The customer has made " + history.countToday() + " transfers today, the most allowed.");
            }
            Optional<CustomerProfile> customer = customer(order.customerId());
            Instant changed = customer.map(CustomerProfile::contactChangedAt).orElse(null);
            if (changed != null && changed.plus(config.rules().contactChangeWindow()).isAfter(now)
                    && history.outgoingToday().add(order.amount()).compareTo(config.rules().contactChangeDailyCap()) > 0) {
                return ExecutionResult.refused("contact_change_cap", "Contact details changed less than 48 hours ago: transfers are capped at "
                        + config.rules().contactChangeDailyCap() + " per day.");
            }
            BigDecimal after = from.balance().subtract(order.amount());
            book(c, order, from.id(), order.amount().negate(), after, order.payeeName(), order.payeeAccount(), now);
            if (to != null) {
                String name = customer.map(CustomerProfile::name).orElse(order.customerId());
                book(c, order, to.id(), order.amount(), to.balance().add(order.amount()), name, from.id(), now);
            }
            return ExecutionResult.booked(after);
        } catch (SQLException e) {
            throw new IllegalStateException("Booking transfer " + order.id() + " failed", e);
        }
    }

    private static String holder(Connection c, String account) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT customer_id FROM account WHERE id = ?")) {
            ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void book(Connection c, TransferOrder order, String account, BigDecimal amount, BigDecimal after, String counterparty,
                             String counterpartyAccount, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE account SET balance = ? WHERE id = ?");
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO ledger_entry (account_id, booked_at, amount, balance_after, currency, counterparty_name,
                         counterparty_account, description, category, transfer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'transfer', ?)""")) {
            update.setBigDecimal(1, after);
            update.setString(2, account);
            update.executeUpdate();
            insert.setString(1, account);
            insert.setTimestamp(2, Timestamp.from(now));
            insert.setBigDecimal(3, amount);
            insert.setBigDecimal(4, after);
            insert.setString(5, order.currency());
            insert.setString(6, counterparty);
            insert.setString(7, counterpartyAccount);
            insert.setString(8, amount.signum() < 0 ? "Transfer to " + counterparty : "Transfer from " + counterparty);
            insert.setObject(9, order.id());
            insert.executeUpdate();
        }
    }

    private static AccountView account(ResultSet rs) throws SQLException {
        return new AccountView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Binder binder, Row<T> row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Core banking query failed", e);
        }
    }
}
