package com.northbridge.assistant.banking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Seeds the embedded core with the demo bank: 24 customers, their accounts and payees, twelve months of
 * ordinary life (salary, rent, shopping, transfers) and, for some, the patterns the risk rules exist for.
 * Deterministic: the same seed gives the same people, numbers and amounts; only the dates follow the day
 * the database was first filled, so "recent" stays recent.
 */
@ApplicationScoped
public class DemoBank {

    private static final Logger LOG = Logger.getLogger(DemoBank.class);
    private static final long SEED = 20261101L;

    /** What makes a demo customer interesting to the risk rules. */
    public enum Pattern {
        ORDINARY,
        /** Several transfers just under the 50,000 reporting threshold in the last weeks. */
        STRUCTURING,
        /** Changed the registered mobile number yesterday. */
        RECENT_CONTACT_CHANGE,
        /** Has saved a payee whose account is on the fraud team's watch list. */
        WATCHLISTED_PAYEE,
        /** Many small transfers in quick succession today. */
        VELOCITY,
        /** Never sends more than a few hundred yuan. */
        SMALL_SPENDER,
        /** Added a payee two hours ago. */
        NEW_PAYEE,
        WEALTHY
    }

    public record Person(String id, String name, String language, Pattern pattern) {
    }

    public record StaffMember(String id, String name, List<String> roles, String customerId) {
    }

    public static final List<Person> PEOPLE = List.of(
            new Person("c001", "王芳", "zh", Pattern.ORDINARY),
            new Person("c002", "James Carter", "en", Pattern.ORDINARY),
            new Person("c003", "Emma Wilson", "en", Pattern.ORDINARY),
            new Person("c004", "李娜", "zh", Pattern.ORDINARY),
            new Person("c005", "赵磊", "zh", Pattern.STRUCTURING),
            new Person("c006", "陈静", "zh", Pattern.RECENT_CONTACT_CHANGE),
            new Person("c007", "Michael Brown", "en", Pattern.WATCHLISTED_PAYEE),
            new Person("c008", "刘洋", "zh", Pattern.VELOCITY),
            new Person("c009", "Sarah Lee", "en", Pattern.SMALL_SPENDER),
            new Person("c010", "孙强", "zh", Pattern.NEW_PAYEE),
            new Person("c011", "周杰", "zh", Pattern.WEALTHY),
            new Person("c012", "Olivia Martin", "en", Pattern.ORDINARY),
            new Person("c013", "黄磊", "zh", Pattern.ORDINARY),
            new Person("c014", "Daniel Kim", "en", Pattern.ORDINARY),
            new Person("c015", "吴敏", "zh", Pattern.ORDINARY),
            new Person("c016", "Sophie Turner", "en", Pattern.ORDINARY),
            new Person("c017", "徐丽", "zh", Pattern.SMALL_SPENDER),
            new Person("c018", "Thomas Green", "en", Pattern.STRUCTURING),
            new Person("c019", "马超", "zh", Pattern.ORDINARY),
            new Person("c020", "Grace Hall", "en", Pattern.NEW_PAYEE),
            new Person("c021", "朱婷", "zh", Pattern.ORDINARY),
            new Person("c022", "William Scott", "en", Pattern.WEALTHY),
            new Person("c023", "胡军", "zh", Pattern.RECENT_CONTACT_CHANGE),
            new Person("c024", "Chloe Adams", "en", Pattern.ORDINARY));

    public static final List<StaffMember> STAFF = List.of(
            new StaffMember("r001", "周敏", List.of("reviewer"), null),
            // Emma Wilson works in compliance and banks with us: she must never review her own cases.
            new StaffMember("r002", "Emma Wilson", List.of("reviewer"), "c003"),
            new StaffMember("r003", "Zhang Hua", List.of("reviewer"), null),
            new StaffMember("e001", "刘伟", List.of("engineer"), null),
            new StaffMember("e002", "Priya Shah", List.of("engineer", "reviewer"), null));

    private static final String[] ZH_PAYEES = {"李雷", "韩梅梅", "张伟", "王强", "刘芳", "陈晨"};
    private static final String[] EN_PAYEES = {"Li Lei", "Anna Smith", "David Jones", "Mark Evans", "Lucy Brown", "Peter Wong"};
    private static final String[] BANKS = {"Northbridge Bank", "Harbour City Bank", "East River Bank", "Golden Coast Bank"};
    private static final String[][] SHOPS = {
            {"FreshMart 生鲜超市", "groceries"}, {"Metro Supermarket", "groceries"}, {"City Power 电费", "utilities"},
            {"Harbour Water 水费", "utilities"}, {"Noodle House 面馆", "dining"}, {"Cafe Lumen", "dining"},
            {"ShopNow 网购", "shopping"}, {"Metro Card 交通卡", "transport"}, {"Phone Plan 话费", "utilities"}};

    private final DataSource dataSource;
    private final BankingConfig config;

    public DemoBank(DataSource dataSource, BankingConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.demoData()) {
            seedIfEmpty(Instant.now().truncatedTo(ChronoUnit.HOURS));
        }
    }

    /** Fills an empty core with the demo bank as of {@code now}; does nothing when customers exist. */
    public boolean seedIfEmpty(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                try (var lock = c.prepareStatement("LOCK TABLE customer IN EXCLUSIVE MODE")) {
                    lock.execute(); // two instances starting together must not both seed
                }
                try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM customer")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return false;
                    }
                }
                int entries = seed(c, now);
                try (var mark = c.prepareStatement("INSERT INTO demo_seed (seeded_at) VALUES (?)")) {
                    mark.setTimestamp(1, Timestamp.from(now));
                    mark.executeUpdate();
                }
                LOG.infof("Seeded the demo bank: %d customers, %d ledger entries", PEOPLE.size(), entries);
                return true;
            }
        });
    }

    /** The number of the demo customer's main account: deterministic, so documentation and tests can name it. */
    public static String mainAccount(String customerId) {
        int n = Integer.parseInt(customerId.substring(1));
        return withLuhn("62220288" + String.format("%07d", n * 7919 % 10_000_000));
    }

    private int seed(Connection c, Instant now) throws SQLException {
        Random random = new Random(SEED);
        ZoneId zone = config.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        int entries = 0;
        try (PreparedStatement customer = c.prepareStatement(
                "INSERT INTO customer (id, name, language, mobile, email, resident_id, contact_changed_at, created_at) VALUES (?,?,?,?,?,?,?,?)");
             PreparedStatement account = c.prepareStatement(
                     "INSERT INTO account (id, customer_id, product, currency, balance, single_limit, daily_limit, opened_at) VALUES (?,?,?,?,?,?,?,?)");
             PreparedStatement payee = c.prepareStatement(
                     "INSERT INTO payee (id, customer_id, name, account_number, bank_name, added_at) VALUES (?,?,?,?,?,?)");
             PreparedStatement ledger = c.prepareStatement("""
                     INSERT INTO ledger_entry (account_id, booked_at, amount, balance_after, currency, counterparty_name,
                         counterparty_account, description, category) VALUES (?,?,?,?,?,?,?,?,?)""");
             PreparedStatement watch = c.prepareStatement("INSERT INTO watchlist_entry (account_number, reason, listed_at) VALUES (?,?,?)");
             PreparedStatement staff = c.prepareStatement("INSERT INTO staff (id, name, roles, customer_id) VALUES (?,?,?,?)")) {

            Instant opened = today.minusYears(3).atStartOfDay(zone).toInstant();
            for (Person p : PEOPLE) {
                int n = Integer.parseInt(p.id().substring(1));
                customer.setString(1, p.id());
                customer.setString(2, p.name());
                customer.setString(3, p.language());
                customer.setString(4, "1" + (38 + n % 2) + String.format("%08d", 10_000_000L + n * 7_654_321L % 90_000_000L));
                customer.setString(5, p.language().equals("en") ? p.name().toLowerCase().replace(' ', '.') + "@mail.example" : "user" + p.id() + "@mail.example");
                customer.setString(6, residentId(n));
                customer.setTimestamp(7, p.pattern() == Pattern.RECENT_CONTACT_CHANGE ? Timestamp.from(now.minus(Duration.ofHours(20))) : null);
                customer.setTimestamp(8, Timestamp.from(opened));
                customer.addBatch();
            }
            customer.executeBatch();

            List<String> watchListed = new ArrayList<>();
            for (Person p : PEOPLE) {
                String main = mainAccount(p.id());
                boolean zh = p.language().equals("zh");
                List<String[]> payees = new ArrayList<>();
                int count = 2 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    String name = (zh ? ZH_PAYEES : EN_PAYEES)[(Integer.parseInt(p.id().substring(1)) + i * 2) % ZH_PAYEES.length];
                    payees.add(new String[] {name, externalCard(random), BANKS[random.nextInt(BANKS.length)], "old"});
                }
                if (p.id().equals("c001") || p.id().equals("c002")) {
                    // Two demo customers pay each other: an internal transfer credits the other account.
                    String other = p.id().equals("c001") ? "c002" : "c001";
                    payees.add(new String[] {PEOPLE.get(Integer.parseInt(other.substring(1)) - 1).name(), mainAccount(other), BANKS[0], "old"});
                }
                if (p.pattern() == Pattern.WATCHLISTED_PAYEE) {
                    String mule = externalCard(random);
                    payees.add(new String[] {"Quick Wealth Trading", mule, "Golden Coast Bank", "old"});
                    watchListed.add(mule);
                }
                if (p.pattern() == Pattern.NEW_PAYEE) {
                    payees.add(new String[] {zh ? "周小龙" : "Ryan Cole", externalCard(random), BANKS[2], "new"});
                }
                for (String[] pe : payees) {
                    payee.setObject(1, UUID.nameUUIDFromBytes((p.id() + pe[1]).getBytes()));
                    payee.setString(2, p.id());
                    payee.setString(3, pe[0]);
                    payee.setString(4, pe[1]);
                    payee.setString(5, pe[2]);
                    payee.setTimestamp(6, Timestamp.from(pe[3].equals("new") ? now.minus(Duration.ofHours(2)) : opened.plus(Duration.ofDays(30))));
                    payee.addBatch();
                }

                List<Entry> history = life(p, payees, random, today, zone, now);
                BigDecimal balance = opening(p);
                history.sort(Comparator.comparing(Entry::at));
                for (Entry e : history) {
                    if (balance.add(e.amount()).signum() < 0) {
                        continue; // nobody overdraws a debit account
                    }
                    balance = balance.add(e.amount());
                    ledger.setString(1, main);
                    ledger.setTimestamp(2, Timestamp.from(e.at()));
                    ledger.setBigDecimal(3, e.amount());
                    ledger.setBigDecimal(4, balance);
                    ledger.setString(5, "CNY");
                    ledger.setString(6, e.counterparty());
                    ledger.setString(7, e.counterpartyAccount());
                    ledger.setString(8, e.description());
                    ledger.setString(9, e.category());
                    ledger.addBatch();
                    entries++;
                }
                addAccount(account, main, p.id(), "class_1", "CNY", balance, "50000", "200000", opened);
                if (Integer.parseInt(p.id().substring(1)) % 3 == 0) {
                    addAccount(account, withLuhn("62220299" + String.format("%07d", Integer.parseInt(p.id().substring(1)) * 104729 % 10_000_000)),
                            p.id(), "class_2", "CNY", new BigDecimal(800 + random.nextInt(4000)).setScale(2), "10000", "10000", opened);
                }
                if (p.pattern() == Pattern.WEALTHY) {
                    addAccount(account, withLuhn("62220277" + String.format("%07d", Integer.parseInt(p.id().substring(1)) * 31337 % 10_000_000)),
                            p.id(), "class_1", "USD", new BigDecimal(20_000 + random.nextInt(30_000)).setScale(2), "50000", "200000", opened);
                }
            }
            account.executeBatch();
            payee.executeBatch();
            ledger.executeBatch();

            watchListed.add(withLuhn("621700990000123"));
            watchListed.add(withLuhn("621700990000456"));
            for (String w : watchListed) {
                watch.setString(1, w);
                watch.setString(2, "Reported as a money-mule account by the fraud team");
                watch.setTimestamp(3, Timestamp.from(now.minus(Duration.ofDays(40))));
                watch.addBatch();
            }
            watch.executeBatch();

            for (StaffMember s : STAFF) {
                Array roles = c.createArrayOf("text", s.roles().toArray());
                staff.setString(1, s.id());
                staff.setString(2, s.name());
                staff.setArray(3, roles);
                staff.setString(4, s.customerId());
                staff.addBatch();
            }
            staff.executeBatch();
        }
        return entries;
    }

    private record Entry(Instant at, BigDecimal amount, String counterparty, String counterpartyAccount, String description, String category) {
    }

    /** Twelve months of one customer's money: income first each month, then the spending and transfers. */
    private static List<Entry> life(Person p, List<String[]> payees, Random random, LocalDate today, ZoneId zone, Instant now) {
        List<Entry> out = new ArrayList<>();
        boolean small = p.pattern() == Pattern.SMALL_SPENDER;
        boolean wealthy = p.pattern() == Pattern.WEALTHY || p.pattern() == Pattern.STRUCTURING;
        int salary = small ? 4_000 + random.nextInt(1_500) : wealthy ? 60_000 + random.nextInt(40_000) : 9_000 + random.nextInt(16_000);
        for (int month = 12; month >= 0; month--) {
            LocalDate first = today.minusMonths(month).withDayOfMonth(1);
            out.add(entry(first.withDayOfMonth(Math.min(25, first.lengthOfMonth())), 9, salary, "Employer Payroll 工资", null, "Salary", "income", zone));
            out.add(entry(first.plusDays(1), 10, -(small ? 1_200 : 2_500 + random.nextInt(4_000)), "Landlord 房租", null, "Rent", "housing", zone));
            for (int i = 0; i < 10; i++) {
                String[] shop = SHOPS[random.nextInt(SHOPS.length)];
                int amount = small ? 10 + random.nextInt(150) : 20 + random.nextInt(wealthy ? 3_000 : 600);
                out.add(entry(first.plusDays(random.nextInt(first.lengthOfMonth())), 8 + random.nextInt(14), -amount, shop[0], null, shop[0], shop[1], zone));
            }
            String[] pe = payees.get(random.nextInt(payees.size()));
            if (!pe[3].equals("new")) {
                int amount = small ? 50 + random.nextInt(350) : 300 + random.nextInt(wealthy ? 20_000 : 3_000);
                out.add(entry(first.plusDays(3 + random.nextInt(20)), 12 + random.nextInt(8), -amount, pe[0], pe[1], "Transfer to " + pe[0], "transfer", zone));
            }
        }
        if (p.pattern() == Pattern.STRUCTURING) {
            for (int i = 0; i < 4; i++) {
                String[] pe = payees.get(i % payees.size());
                int amount = 49_000 + 100 * random.nextInt(9);
                out.add(entry(today.minusDays(3 + i * 5L), 11, -amount, pe[0], pe[1], "Transfer to " + pe[0], "transfer", zone));
                out.add(entry(today.minusDays(4 + i * 5L), 10, amount + 1_000, "Cash deposit 现金存款", null, "Cash deposit", "income", zone));
            }
        }
        if (p.pattern() == Pattern.VELOCITY) {
            for (int i = 0; i < 5; i++) {
                String[] pe = payees.get(i % payees.size());
                out.add(new Entry(now.minus(Duration.ofMinutes(50L - i * 9)), new BigDecimal(-(800 + 100 * i)).setScale(2), pe[0], pe[1],
                        "Transfer to " + pe[0], "transfer"));
            }
        }
        out.removeIf(e -> e.at().isAfter(now));
        return out;
    }

    private static Entry entry(LocalDate day, int hour, int amount, String counterparty, String account, String description, String category, ZoneId zone) {
        Instant at = day.atTime(LocalTime.of(hour, (amount & 0x3f) % 60)).atZone(zone).toInstant();
        return new Entry(at, new BigDecimal(amount).setScale(2, RoundingMode.UNNECESSARY), counterparty, account, description, category);
    }

    private static BigDecimal opening(Person p) {
        return switch (p.pattern()) {
            case SMALL_SPENDER -> new BigDecimal("1500.00");
            case WEALTHY, STRUCTURING -> new BigDecimal("380000.00");
            default -> new BigDecimal("26000.00");
        };
    }

    private static void addAccount(PreparedStatement ps, String id, String customer, String product, String currency, BigDecimal balance,
                                   String single, String daily, Instant opened) throws SQLException {
        ps.setString(1, id);
        ps.setString(2, customer);
        ps.setString(3, product);
        ps.setString(4, currency);
        ps.setBigDecimal(5, balance);
        ps.setBigDecimal(6, new BigDecimal(single));
        ps.setBigDecimal(7, new BigDecimal(daily));
        ps.setTimestamp(8, Timestamp.from(opened));
        ps.addBatch();
    }

    private static String externalCard(Random random) {
        return withLuhn("6217" + String.format("%011d", (long) (random.nextDouble() * 99_999_999_999L)));
    }

    /** Appends the Luhn check digit, so every demo card number passes the same validation as a real one. */
    static String withLuhn(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return body + (10 - sum % 10) % 10;
    }

    /** A resident ID with a valid MOD 11-2 check character, for a fictional person born between 1975 and 1999. */
    static String residentId(int n) {
        String body = "110105" + (1975 + n % 25) + String.format("%02d%02d", 1 + n % 12, 1 + n % 28) + String.format("%03d", 100 + n);
        return body + com.northbridge.assistant.tools.ResidentId.checkCharacter(body);
    }
}
