package com.northbridge.assistant.guard;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.northbridge.assistant.banking.CoreBanking;
import com.northbridge.assistant.banking.CustomerProfile;

/**
 * The output side of "the assistant never shows data of another customer": before an answer is stored or
 * shown, every account or card number, masked account number, resident ID, mobile number and e-mail address
 * in it is looked up in the core banking system. One that belongs to another customer is a leak, unless the
 * signed-in customer has it anyway (their own accounts, payees and contact details, what they typed in this
 * conversation, the bank's public contacts). One that belongs to nobody here is a leak only when the same
 * sentence names another customer ("James Carter's mobile is ..."): the model then presents it as theirs.
 */
@ApplicationScoped
public class OtherCustomerData {

    private final CoreBanking core;
    private final GuardConfig config;

    public OtherCustomerData(CoreBanking core, GuardConfig config) {
        this.core = core;
        this.config = config;
    }

    /**
     * A screen for the answers of one turn. {@code customerTexts} are the customer's own messages in this
     * conversation; {@code customerId} is the signed-in customer (null: nobody's data is their own).
     */
    public Screen screen(String customerId, List<String> customerTexts) {
        return new Screen(customerId, customerTexts);
    }

    private enum Verdict {
        CLEAR,
        SHOWS_OTHERS,
        /** Belongs to nobody here: it depends on the rest of its sentence, which has not been written yet. */
        WAIT
    }

    /** One turn's checks, with the lookups they needed remembered: a streamed answer asks about the same numbers again. */
    public final class Screen {

        private final String customerId;
        private final List<String> customerTexts;
        private final Map<String, Set<String>> owners = new HashMap<>();
        private final Map<String, Set<String>> named = new HashMap<>();
        private KnownIdentifiers known;
        private String ownName;

        private Screen(String customerId, List<String> customerTexts) {
            this.customerId = customerId;
            this.customerTexts = List.copyOf(customerTexts);
        }

        /** The other customers' data the text shows, if any. */
        public synchronized Optional<Leak> leak(String text) {
            Set<Identifier.Kind> kinds = EnumSet.noneOf(Identifier.Kind.class);
            Set<String> customers = new TreeSet<>();
            for (Identifier id : Identifiers.in(text)) {
                Set<String> whose = others(id, text, true);
                if (!whose.isEmpty()) {
                    kinds.add(id.kind());
                    customers.addAll(whose);
                }
            }
            return kinds.isEmpty() ? Optional.empty() : Optional.of(new Leak(kinds, customers));
        }

        /** A streamed answer passed on to {@code downstream} only as far as it has been checked. */
        public HeldStream holdingBack(Consumer<String> downstream) {
            return new HeldStream(this, downstream);
        }

        synchronized Verdict verdict(Identifier id, String text, boolean ended) {
            Set<String> whose = others(id, text, ended);
            if (whose == null) {
                return Verdict.WAIT;
            }
            return whose.isEmpty() ? Verdict.CLEAR : Verdict.SHOWS_OTHERS;
        }

        /** The other customers the identifier shows data of; null when that depends on a sentence still being written. */
        private Set<String> others(Identifier id, String text, boolean ended) {
            if (known().covers(id)) {
                return Set.of();
            }
            Set<String> holders = owners.computeIfAbsent(id.kind() + ":" + id.value(), k -> lookUp(id));
            Set<String> others = new TreeSet<>(holders);
            others.remove(customerId);
            if (!others.isEmpty() || !holders.isEmpty()) {
                return others;
            }
            Identifiers.Sentence sentence = Identifiers.sentenceOf(text, id);
            if (!sentence.ended() && !ended) {
                return null;
            }
            return named.computeIfAbsent(sentence.text(), this::otherCustomersNamedIn);
        }

        private Set<String> lookUp(Identifier id) {
            return id.kind() == Identifier.Kind.ACCOUNT_SUFFIX ? core.accountHoldersEndingIn(id.value()) : core.ownersOf(id.value());
        }

        private Set<String> otherCustomersNamedIn(String sentence) {
            Set<String> others = new TreeSet<>();
            core.customersNamedIn(sentence).forEach((id, name) -> {
                boolean someoneElse = !id.equals(customerId) && !name.equalsIgnoreCase(ownName);
                if (someoneElse && wholeName(sentence, name)) {
                    others.add(id);
                }
            });
            return others;
        }

        private KnownIdentifiers known() {
            if (known == null) {
                KnownIdentifiers k = new KnownIdentifiers();
                config.publicContacts().forEach(k::add);
                customerTexts.forEach(k::add);
                if (customerId != null) {
                    Optional<CustomerProfile> profile = core.customer(customerId);
                    profile.ifPresent(p -> k.add(p.mobile()).add(p.email()));
                    ownName = profile.map(CustomerProfile::name).orElse(null);
                    core.accounts(customerId).forEach(a -> k.add(a.id()));
                    core.payees(customerId).forEach(p -> k.add(p.accountNumber()));
                }
                known = k;
            }
            return known;
        }
    }

    /** "Sarah Lee" in "Sarah Lee's", not in "Sarah Leeds"; Chinese names have no word boundaries to check. */
    private static boolean wholeName(String sentence, String name) {
        return Pattern.compile("(?<![A-Za-z])" + Pattern.quote(name.toLowerCase(Locale.ROOT)) + "(?![A-Za-z])")
                .matcher(sentence.toLowerCase(Locale.ROOT)).find();
    }

    /**
     * A streamed answer, passed on as far as it has been checked: text that may still turn into another
     * customer's number ("6222 0288 ...") is held back until it is complete and judged, a number that belongs
     * to nobody until its sentence is (another customer's name may follow), and after a leak nothing more is
     * passed on. So the customer's screen never shows the data, not even before the answer is replaced.
     * Call {@link #finish()} once the whole answer has been checked and kept.
     */
    public static final class HeldStream implements Consumer<String> {

        private final Screen screen;
        private final Consumer<String> downstream;
        private final StringBuilder text = new StringBuilder();
        private int sent;
        private boolean stopped;

        private HeldStream(Screen screen, Consumer<String> downstream) {
            this.screen = screen;
            this.downstream = downstream;
        }

        @Override
        public synchronized void accept(String piece) {
            text.append(piece);
            if (!stopped) {
                pass();
            }
        }

        /** The whole answer was checked and kept: what is still held goes out. */
        public synchronized void finish() {
            if (!stopped && sent < text.length()) {
                downstream.accept(text.substring(sent));
                sent = text.length();
            }
        }

        /** What was written so far is discarded (the model failed over, or is asked again): start afresh. */
        public synchronized void restart() {
            text.setLength(0);
            sent = 0;
            stopped = false;
        }

        /** A leak was seen: nothing after it was passed on. */
        public synchronized boolean stopped() {
            return stopped;
        }

        private void pass() {
            String t = text.toString();
            int limit = Identifiers.settled(t);
            // What ends before `sent` was judged at an earlier token: only the sentence still being passed on is read.
            int from = Identifiers.sentenceStart(t, Math.min(sent, limit));
            for (Identifier id : Identifiers.in(t, from, limit)) {
                if (id.end() <= sent) {
                    continue;
                }
                Verdict verdict = screen.verdict(id, t, false);
                if (verdict == Verdict.SHOWS_OTHERS) {
                    stopped = true;
                    return;
                }
                if (verdict == Verdict.WAIT) {
                    limit = Math.min(limit, id.start());
                    break;
                }
            }
            if (limit > sent) {
                downstream.accept(t.substring(sent, limit));
                sent = limit;
            }
        }
    }
}
