package io.claimdesk.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.claimdesk.policy.CaseStatus;
import io.claimdesk.policy.ClaimCase;
import io.claimdesk.policy.Marketplace;
import io.claimdesk.policy.Refusal;
import io.claimdesk.policy.RefusalCode;
import io.claimdesk.policy.Todos;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The read-only desk: one case (one GetItem), and the to-do list, the cases that need the seller on a day, read from
 * the to-do index (one Query per shard per page, never a Scan), merged across the shards in the index's order and
 * given most urgent first within a page. Whether a case needs the seller is {@link Todos}'s to say.
 */
@ApplicationScoped
public class CaseDesk {

    /** The most cases one page of the to-do list holds. */
    public static final int MAX_PAGE = 100;

    /** The index the list reads. */
    static final CaseTable.Index INDEX = CaseTable.Index.TODO;

    private final CaseStore store;

    public CaseDesk(CaseStore store) {
        this.store = store;
    }

    public ClaimCase find(String orderId) {
        return store.find(orderId).orElseThrow(() -> new Refusal(RefusalCode.CASE_NOT_FOUND, "orderId",
                "no case for order " + orderId));
    }

    /**
     * What the to-do list is asked for: the cases that need the seller on {@code attention} (null: today in each case's
     * marketplace zone; a later day shows what is coming), of one marketplace and one status when given, {@code limit}
     * at most.
     */
    public record Listing(LocalDate attention, Marketplace marketplace, CaseStatus status, int limit) {
        public Listing {
            if (limit < 1 || limit > MAX_PAGE) {
                throw Refusal.invalid("limit", "limit must be 1 to " + MAX_PAGE);
            }
        }

        /** The case's most urgent to-do on the listing's day, if it needs the seller then and passes the filters. */
        Optional<Todos.Todo> takes(ClaimCase c, Instant now) {
            if ((marketplace != null && c.facts().marketplace() != marketplace) || (status != null && c.status() != status)) {
                return Optional.empty();
            }
            LocalDate on = attention != null ? attention : c.facts().marketplace().dateOf(now);
            return Todos.open(c, on).stream().findFirst();
        }

        /** What a page token is bound to: a token of another listing is refused. */
        String binding() {
            return (attention == null ? "today" : attention.toString()) + "|" + (marketplace == null ? "*" : marketplace.name())
                    + "|" + (status == null ? "*" : status.name());
        }
    }

    /** A case that needs the seller, and what it needs most urgently. */
    public record DueCase(ClaimCase c, Todos.Todo todo) {
    }

    /** One page of the attention list; {@code next} is the opaque token of the next page, or null after the last. */
    public record Page(List<DueCase> cases, String next) {
    }

    /**
     * One page: one Query per shard not yet read to its end, each for up to {@code limit} items from where the
     * previous page stopped in it, merged by due date. The merge stops at the limit, or where a shard's items run
     * out before its end (a later item of that shard could come first); the token says where each shard stands.
     */
    public Page attention(Listing listing, String token, Instant now) {
        Position[] at = token == null ? Position.start() : PageToken.read(token, listing);
        LocalDate bound = token == null ? boundOf(listing, now) : PageToken.bound(token);
        List<String> shards = INDEX.allShards();
        List<ArrayDeque<CaseStore.Due>> buffers = new ArrayList<>();
        boolean[] more = new boolean[shards.size()];
        Position[] after = at.clone();
        for (int i = 0; i < shards.size(); i++) {
            ArrayDeque<CaseStore.Due> buffer = new ArrayDeque<>();
            if (!at[i].done()) {
                CaseStore.DuePage page = store.page(INDEX, shards.get(i), bound, listing.limit(), at[i].startKey());
                buffer.addAll(page.due());
                more[i] = page.next() != null;
                if (buffer.isEmpty() && more[i]) {
                    after[i] = Position.of(page.next());
                }
            }
            buffers.add(buffer);
        }
        List<DueCase> cases = new ArrayList<>();
        while (cases.size() < listing.limit()) {
            int pick = -1;
            boolean blocked = false;
            for (int i = 0; i < shards.size(); i++) {
                if (buffers.get(i).isEmpty()) {
                    blocked |= more[i];
                } else if (pick < 0 || buffers.get(i).peek().on().isBefore(buffers.get(pick).peek().on())) {
                    pick = i;
                }
            }
            if (blocked || pick < 0) {
                break;
            }
            CaseStore.Due due = buffers.get(pick).poll();
            after[pick] = new Position(false, due.on(), due.c().orderId());
            // An entry whose to-dos ended by time alone (an appeal's last day passed) stays until the sweep rewrites it.
            listing.takes(due.c(), now).ifPresent(todo -> cases.add(new DueCase(due.c(), todo)));
        }
        cases.sort(Comparator.comparing((DueCase d) -> d.todo().due(d.c().facts().marketplace().zone()))
                .thenComparing(d -> d.todo().kind()));
        boolean allDone = true;
        for (int i = 0; i < shards.size(); i++) {
            if (at[i].done() || (buffers.get(i).isEmpty() && !more[i])) {
                after[i] = Position.DONE;
            } else {
                allDone = false;
            }
        }
        return new Page(List.copyOf(cases), allDone ? null : PageToken.write(bound, after, listing));
    }

    /** The latest calendar day anywhere: each case is then judged in its own zone. */
    private static LocalDate boundOf(Listing listing, Instant now) {
        return listing.attention() != null ? listing.attention()
                : Arrays.stream(Marketplace.values()).map(m -> m.dateOf(now)).max(LocalDate::compareTo).orElseThrow();
    }

    /** Where a shard stands: not started (no key), after an item of the index, or read to its end. */
    record Position(boolean done, LocalDate on, String orderId) {
        static final Position DONE = new Position(true, null, null);
        static final Position START = new Position(false, null, null);

        static Position[] start() {
            Position[] all = new Position[CaseTable.DUE_SHARDS];
            Arrays.fill(all, START);
            return all;
        }

        static Position of(Map<String, AttributeValue> key) {
            return new Position(false, LocalDate.parse(key.get(INDEX.dayAttribute()).s()), key.get(CaseTable.ORDER_ID).s());
        }

        Map<String, AttributeValue> startKey() {
            return orderId == null ? null : CaseStore.indexKey(INDEX, orderId, on);
        }
    }

    /**
     * The page token: opaque to callers (base64url), it holds the day the listing reads up to and where each shard
     * stands, and a digest over them and the listing's filters. It is no secret and no signature, only a place to
     * continue from; a token that was edited, cut short or made for another listing is refused (400, field next).
     */
    static final class PageToken {
        private static final String VERSION = "1";
        private static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

        private PageToken() {
        }

        static String write(LocalDate bound, Position[] positions, Listing listing) {
            StringBuilder text = new StringBuilder(VERSION).append('|').append(bound);
            for (Position p : positions) {
                text.append('|').append(p.done() ? "*" : p.orderId() == null ? "-" : p.on() + "," + p.orderId());
            }
            String body = text.toString();
            String full = body + "|" + digest(body, listing);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(full.getBytes(StandardCharsets.UTF_8));
        }

        static Position[] read(String token, Listing listing) {
            String[] parts = parts(token, listing);
            Position[] positions = new Position[CaseTable.DUE_SHARDS];
            for (int i = 0; i < positions.length; i++) {
                String p = parts[2 + i];
                if (p.equals("*")) {
                    positions[i] = Position.DONE;
                } else if (p.equals("-")) {
                    positions[i] = Position.START;
                } else {
                    int comma = p.indexOf(',');
                    String orderId = comma < 0 ? "" : p.substring(comma + 1);
                    if (!orderId.matches(ID)) {
                        throw tampered();
                    }
                    positions[i] = new Position(false, date(p.substring(0, Math.max(comma, 0))), orderId);
                    if (!INDEX.shardOf(orderId).equals(INDEX.allShards().get(i))) {
                        throw tampered();
                    }
                }
            }
            return positions;
        }

        static LocalDate bound(String token) {
            return date(decode(token).split("\\|", -1)[1]);
        }

        private static String[] parts(String token, Listing listing) {
            String text = decode(token);
            String[] parts = text.split("\\|", -1);
            if (parts.length != 3 + CaseTable.DUE_SHARDS || !parts[0].equals(VERSION)) {
                throw tampered();
            }
            String body = text.substring(0, text.lastIndexOf('|'));
            if (!MessageDigest.isEqual(parts[parts.length - 1].getBytes(StandardCharsets.UTF_8),
                    digest(body, listing).getBytes(StandardCharsets.UTF_8))) {
                throw new Refusal(RefusalCode.VALIDATION_FAILED, "next", "next is not a page token of this listing: "
                        + "it was changed, or it was given for other attention, marketplace or status values");
            }
            date(parts[1]);
            return parts;
        }

        private static String decode(String token) {
            if (token.isEmpty() || token.length() > 2048) {
                throw tampered();
            }
            try {
                return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw tampered();
            }
        }

        private static LocalDate date(String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw tampered();
            }
        }

        private static String digest(String body, Listing listing) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256")
                        .digest((body + "|" + listing.binding()).getBytes(StandardCharsets.UTF_8));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 12));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Refusal tampered() {
            return new Refusal(RefusalCode.VALIDATION_FAILED, "next",
                    "next is not a page token this desk gave out; give the value of next from the previous page, unchanged");
        }
    }
}
