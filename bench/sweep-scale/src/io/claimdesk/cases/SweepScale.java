package io.claimdesk.cases;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.claimdesk.ClaimDeskConfig;
import io.claimdesk.policy.CarrierStatus;
import io.claimdesk.policy.ClaimCase;
import io.claimdesk.policy.Fulfilment;
import io.claimdesk.policy.Marketplace;
import io.claimdesk.policy.Money;
import io.claimdesk.policy.OrderFacts;
import io.claimdesk.policy.Shipment;
import io.claimdesk.policy.Stamp;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Sweep scale on the local engine (moto_server): does the scheduled sweep read only the due cases,
 * whatever the table size, and does a backlog larger than one run's budget finish over several runs,
 * each due case handled exactly once? Run by bench/sweep-scale.sh; prints a markdown report.
 *
 * <p>Every case is OPEN, seller-fulfilled, on the FR marketplace, so every item sits in the sparse due
 * index (an open case always has a next attention: its claim window opening). Four kinds of case:
 * <ul>
 *   <li>wave A (1%): claim window opened on {@link #OPENS_A}, due at the first sweep {@link #SWEEP_A};</li>
 *   <li>wave C ({@link #FIXED_DUE} cases whatever the size): window opens on {@link #OPENS_C}, due at the
 *       second sweep {@link #SWEEP_C} (wave A, swept, is next due after its deadline, months later);</li>
 *   <li>wave B (1%): window opens on {@link #OPENS_B}, due at the backlog sweeps {@link #SWEEP_B};</li>
 *   <li>the rest: window opens on {@link #OPENS_LATER}, after all sweeps.</li>
 * </ul>
 * Same package as {@link CaseItems} so the items are written exactly as the store writes them.
 */
public final class SweepScale {

    static final Instant SWEEP_A = Instant.parse("2025-06-02T12:00:00Z");
    static final Instant SWEEP_C = Instant.parse("2025-06-04T12:00:00Z");
    static final Instant SWEEP_B = Instant.parse("2025-06-10T12:00:00Z");
    static final LocalDate OPENS_A = LocalDate.of(2025, 5, 28);
    static final LocalDate OPENS_C = LocalDate.of(2025, 6, 3);
    static final LocalDate OPENS_B = LocalDate.of(2025, 6, 6);
    static final int FIXED_DUE = 10;
    static final LocalDate OPENS_LATER = LocalDate.of(2025, 6, 15);
    static final Currency EUR = Currency.getInstance("EUR");

    enum Wave { A, B, C, LATER }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("sizes", "1000,10000,50000").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        int backlogMaxCases = Integer.getInteger("backlog.maxCases", 200);
        // Above every table's due count, so the scale sweeps measure reads, not the per-run budget.
        int scaleMaxCases = Integer.getInteger("scale.maxCases",
                Math.max(1000, 2 * sizes.stream().mapToInt(Integer::intValue).max().orElse(0) / 100));
        int readPasses = Integer.getInteger("readPasses", 2);
        Path report = Path.of(System.getProperty("report", "sweep-scale.md"));
        Optional<Path> pidFile = Optional.ofNullable(System.getProperty("pidfile")).map(Path::of);

        int port = freePort();
        long t0 = System.nanoTime();
        Process moto = LocalEngine.start(port, false, Optional.empty());
        if (pidFile.isPresent()) {
            Files.writeString(pidFile.get(), Long.toString(moto.pid()));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(moto)));
        StringBuilder md = new StringBuilder();
        try {
            System.err.printf("moto_server (pid %d) on port %d, up in %d ms%n", moto.pid(), port, ms(System.nanoTime() - t0));
            Calls calls = new Calls();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            // Population goes through a plain client; the sweeps through one metered like the functions' client.
            try (DynamoDbClient plain = client(endpoint, List.of());
                 DynamoDbClient metered = client(endpoint, List.of(new RoundTrips(), calls))) {
                new SweepScale(plain, metered, calls).run(sizes, scaleMaxCases, backlogMaxCases, readPasses, md);
            }
        } finally {
            stop(moto);
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, md.toString());
        System.out.println(md);
        System.err.println("written: " + report);
    }

    static DynamoDbClient client(URI endpoint, List<ExecutionInterceptor> interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_WEST_3)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> interceptors.forEach(c::addExecutionInterceptor))
                .build();
    }

    private final DynamoDbClient plain;
    private final DynamoDbClient dynamo;
    private final Calls calls;

    SweepScale(DynamoDbClient plain, DynamoDbClient metered, Calls calls) {
        this.plain = plain;
        this.dynamo = metered;
        this.calls = calls;
    }

    record Table(String name, int size, Map<Wave, Set<String>> waves, long populateNanos, int batches) {
        Set<String> wave(Wave w) {
            return waves.get(w);
        }
    }

    record SweepRun(String table, int size, int due, CaseService.SweepReport report, Calls.Snapshot calls,
                    long wallNanos, long readPassNanos, int readPassItems) {
    }

    void run(List<Integer> sizes, int scaleMaxCases, int backlogMaxCases, int readPasses, StringBuilder md) throws IOException {
        // Warm the JVM (class loading, JIT of the SDK and the mapper) on a small table first, so the
        // first measured size does not pay for it.
        Table warm = populate("bench-warmup", 300);
        sweep(warm, SWEEP_A, warm.wave(Wave.A), scaleMaxCases, 1);
        System.err.println("warm-up sweep done");

        List<Table> tables = new ArrayList<>();
        List<SweepRun> runs = new ArrayList<>();
        List<SweepRun> fixedRuns = new ArrayList<>();
        for (int size : sizes) {
            Table t = populate("bench-" + size, size);
            tables.add(t);
            runs.add(sweep(t, SWEEP_A, t.wave(Wave.A), scaleMaxCases, readPasses));
            fixedRuns.add(sweep(t, SWEEP_C, t.wave(Wave.C), scaleMaxCases, readPasses));
        }

        Table biggest = tables.get(tables.size() - 1);
        List<CaseService.SweepReport> backlog = new ArrayList<>();
        List<Calls.Snapshot> backlogCalls = new ArrayList<>();
        List<Long> backlogWall = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            CaseService service = service(biggest.name(), backlogMaxCases);
            calls.reset();
            RoundTrips.start();
            long s = System.nanoTime();
            CaseService.SweepReport r = service.sweep(SWEEP_B, "bench-sweep");
            backlogWall.add(System.nanoTime() - s);
            backlog.add(r);
            backlogCalls.add(calls.snapshot());
            System.err.printf("backlog run %d: examined %d, changed %d, complete %s%n", i + 1, r.examined(), r.changed(), r.complete());
            if (r.complete()) {
                break;
            }
        }
        // One more run after completion: a repeated sweep for the same time must find nothing to do.
        CaseService.SweepReport again = service(biggest.name(), backlogMaxCases).sweep(SWEEP_B, "bench-sweep");

        write(md, tables, runs, fixedRuns, scaleMaxCases, biggest, backlogMaxCases, backlog, backlogCalls, backlogWall, again);
    }

    /** Read-only passes, then one sweep at {@code time}, which must change exactly the {@code due} cases. */
    SweepRun sweep(Table t, Instant time, Set<String> due, int maxCases, int readPasses) throws IOException {
        CaseService service = service(t.name(), maxCases);
        CaseStore store = store(t.name(), maxCases);
        // Read-only passes first: query every shard for what is due, exactly as the sweep does, without
        // writing; repeated, the fastest is kept (the least disturbed by other work on the machine).
        long bestRead = Long.MAX_VALUE;
        int readItems = 0;
        LocalDate latestDay = Arrays.stream(Marketplace.values()).map(m -> m.dateOf(time)).max(LocalDate::compareTo).orElseThrow();
        for (int p = 0; p < readPasses; p++) {
            long s = System.nanoTime();
            int items = 0;
            for (String shard : CaseTable.allShards()) {
                Map<String, AttributeValue> next = null;
                do {
                    CaseStore.DuePage page = store.due(shard, latestDay, 100, next);
                    items += page.cases().size();
                    next = page.next();
                } while (next != null);
            }
            bestRead = Math.min(bestRead, System.nanoTime() - s);
            readItems = items;
        }
        calls.reset();
        RoundTrips.start();
        long s = System.nanoTime();
        CaseService.SweepReport r = service.sweep(time, "bench-sweep");
        long wall = System.nanoTime() - s;
        Calls.Snapshot snap = calls.snapshot();
        RoundTrips.Meter meter = RoundTrips.current();
        if (meter.calls() != snap.total()) {
            throw new IllegalStateException("RoundTrips counted " + meter.calls() + " calls, the bench's counter " + snap.total());
        }
        Set<String> changed = new HashSet<>(r.changedOrders());
        if (!changed.equals(due) || changed.size() != r.changedOrders().size() || (readPasses > 0 && readItems != due.size())) {
            throw new IllegalStateException(t.name() + " at " + time + ": the sweep changed " + r.changed()
                    + " case(s) and the read pass saw " + readItems + ", expected exactly the " + due.size() + " due ones");
        }
        System.err.printf("%s at %s: %d cases, %d due: examined %d, changed %d, %s, %d ms%n", t.name(), time, t.size(), due.size(),
                r.examined(), r.changed(), snap.byOperation(), ms(wall));
        return new SweepRun(t.name(), t.size(), due.size(), r, snap, wall, readPasses == 0 ? 0 : bestRead, readItems);
    }

    /** Fills a new table: one case in 100 in wave A, one in 100 in wave B, {@link #FIXED_DUE} in wave C, the rest later. */
    Table populate(String name, int size) {
        plain.createTable(CaseTable.createTableRequest(name));
        Map<Wave, Set<String>> waves = new java.util.EnumMap<>(Wave.class);
        for (Wave w : Wave.values()) {
            waves.put(w, new HashSet<>());
        }
        long s = System.nanoTime();
        int batches = 0;
        List<WriteRequest> batch = new ArrayList<>(25);
        for (int i = 0; i < size; i++) {
            Wave wave = i % 100 == 0 ? Wave.A
                    : i % 100 == 50 ? Wave.B
                    : i % 100 == 25 && i / 100 < FIXED_DUE ? Wave.C
                    : Wave.LATER;
            String orderId = String.format(Locale.ROOT, "405-%07d-%07d", size, i);
            if (wave != Wave.LATER) {
                waves.get(wave).add(orderId);
            }
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(CaseItems.toItem(openCase(orderId, wave), 1, 400)).build()).build());
            if (batch.size() == 25 || i == size - 1) {
                writeBatch(name, batch);
                batches++;
                batch = new ArrayList<>(25);
            }
        }
        long took = System.nanoTime() - s;
        System.err.printf("%s: %d cases written in %d BatchWriteItem calls, %.1f s%n", name, size, batches, took / 1e9);
        return new Table(name, size, waves, took, batches);
    }

    private void writeBatch(String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > 10) {
                throw new IllegalStateException("BatchWriteItem kept returning unprocessed items");
            }
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = plain.batchWriteItem(b -> b.requestItems(request));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    static ClaimCase openCase(String orderId, Wave wave) {
        // The window opens min(max delivery + 3, order + 30): with delivery 5 days after the order, max delivery + 3.
        LocalDate opens = switch (wave) {
            case A -> OPENS_A;
            case B -> OPENS_B;
            case C -> OPENS_C;
            case LATER -> OPENS_LATER;
        };
        LocalDate maxDelivery = opens.minusDays(3);
        LocalDate ordered = maxDelivery.minusDays(5);
        OrderFacts facts = new OrderFacts(orderId, Marketplace.FR, Fulfilment.SELLER, ordered, maxDelivery, null,
                Money.of("orderTotal", new BigDecimal("39.90"), EUR),
                new Shipment("Colissimo", true, false, CarrierStatus.IN_TRANSIT), maxDelivery.plusDays(1));
        ClaimCase c = ClaimCase.open(facts, new Stamp(ordered.plusDays(6).atStartOfDay(Marketplace.FR.zone()).toInstant(), "evaluateClaim")).after();
        if (!c.window().opensOn().equals(opens)) {
            throw new IllegalStateException("window of " + orderId + " opens on " + c.window().opensOn() + ", not " + opens);
        }
        return c;
    }

    CaseService service(String table, int maxCases) throws IOException {
        return new CaseService(store(table, maxCases), config(table, maxCases));
    }

    CaseStore store(String table, int maxCases) throws IOException {
        ClaimDeskConfig config = config(table, maxCases);
        return new CaseStore(dynamo, config, new TableBootstrap(config, dynamo, Optional.empty()));
    }

    static ClaimDeskConfig config(String table, int maxCases) {
        return new ClaimDeskConfig() {
            @Override
            public String tableName() {
                return table;
            }

            @Override
            public long closedCaseRetentionDays() {
                return 400;
            }

            @Override
            public boolean createTable() {
                return false;
            }

            @Override
            public Sweep sweep() {
                return new Sweep() {
                    @Override
                    public int maxCases() {
                        return maxCases;
                    }

                    @Override
                    public Duration maxDuration() {
                        return Duration.ofSeconds(40);
                    }

                    @Override
                    public int pageSize() {
                        return 100;
                    }
                };
            }
        };
    }

    private static void sweepTable(StringBuilder md, List<SweepRun> runs) {
        md.append("| table size | due | examined | changed | complete | DynamoDB calls | Scan calls | items read | items read per due case "
                + "| consumed capacity (moto) | time in Query (ms) | sweep wall time (ms) | rest of the sweep per changed case (ms) "
                + "| read-only pass (ms) |\n");
        md.append("|---:|---:|---:|---:|:--:|---|---:|---:|---:|---|---:|---:|---:|---:|\n");
        for (SweepRun r : runs) {
            long rest = r.wallNanos() - r.calls().nanos("Query");
            md.append(String.format(Locale.ROOT, "| %,d | %d | %d | %d | %s | %s | %d | %d | %.2f | %s | %d | %d | %.1f | %d |%n",
                    r.size(), r.due(), r.report().examined(), r.report().changed(), r.report().complete(),
                    r.calls().byOperation(), r.calls().count("Scan"), r.calls().queryCount(),
                    r.calls().queryCount() / (double) r.due(), r.calls().capacityText(), ms(r.calls().nanos("Query")),
                    ms(r.wallNanos()), rest / 1e6 / Math.max(1, r.report().changed()), ms(r.readPassNanos())));
            if (r.calls().queryScanned() != r.calls().queryCount()) {
                md.append("(ScannedCount ").append(r.calls().queryScanned()).append(" differs from Count)\n");
            }
        }
    }

    private void write(StringBuilder md, List<Table> tables, List<SweepRun> runs, List<SweepRun> fixedRuns, int scaleMaxCases, Table biggest,
                       int backlogMaxCases, List<CaseService.SweepReport> backlog, List<Calls.Snapshot> backlogCalls,
                       List<Long> backlogWall, CaseService.SweepReport again) {
        md.append("# Sweep scale, ").append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append("\n\n");
        md.append("Local engine: moto_server (in-memory DynamoDB emulator); one JVM, synchronous SDK client (url-connection).\n");
        md.append("Sweep settings: max-cases ").append(scaleMaxCases).append(" (above the due count), page size 100, budget 40 s; ")
                .append(CaseTable.DUE_SHARDS).append(" shards of the due index.\n\n");

        md.append("## Population\n\n| table size | BatchWriteItem calls | time (s) | items/s |\n|---:|---:|---:|---:|\n");
        for (Table t : tables) {
            md.append(String.format(Locale.ROOT, "| %,d | %,d | %.1f | %,.0f |%n", t.size(), t.batches(),
                    t.populateNanos() / 1e9, t.size() / (t.populateNanos() / 1e9)));
        }

        md.append("\n## One sweep per table size, 1% of the cases due\n\n");
        sweepTable(md, runs);
        md.append("\n## One sweep per table size, ").append(FIXED_DUE).append(" cases due whatever the size\n\n");
        sweepTable(md, fixedRuns);
        md.append("""

            Query: one per shard of the due index (8), more only when a shard has more than a page of due cases.
            Items read = the Count of every Query response (no filter expression, so ScannedCount is the same).
            Consumed capacity is what moto reports: a fixed amount per call, not DynamoDB's size-based figure.
            Read-only pass: the sweep's queries alone, no writes, best of the passes before the sweep.
            """);

        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        md.append("\n## Backlog: ").append(String.format(Locale.ROOT, "%,d", biggest.size())).append(" cases, ")
                .append(biggest.wave(Wave.B).size()).append(" due, max-cases ").append(backlogMaxCases).append(" per run\n\n");
        md.append("| run | examined | changed | complete | DynamoDB calls by operation | items read (Query Count) | wall time (ms) |\n");
        md.append("|---:|---:|---:|:--:|---|---:|---:|\n");
        for (int i = 0; i < backlog.size(); i++) {
            CaseService.SweepReport r = backlog.get(i);
            for (String id : r.changedOrders()) {
                if (!seen.add(id)) {
                    duplicates.add(id);
                }
            }
            md.append(String.format(Locale.ROOT, "| %d | %d | %d | %s | %s | %d | %d |%n", i + 1, r.examined(), r.changed(),
                    r.complete(), backlogCalls.get(i).byOperation(), backlogCalls.get(i).queryCount(), ms(backlogWall.get(i))));
        }
        boolean complete = backlog.get(backlog.size() - 1).complete();
        boolean allOnce = duplicates.isEmpty() && seen.equals(biggest.wave(Wave.B));
        md.append(String.format(Locale.ROOT, "%nRuns until complete: %d%s. Cases changed: %d distinct of %d due; changed twice: %d; "
                        + "due but never changed: %d; changed but not due: %d. Each due case changed exactly once: **%s**.%n",
                backlog.size(), complete ? "" : " (NOT complete after 20 runs)", seen.size(), biggest.wave(Wave.B).size(), duplicates.size(),
                biggest.wave(Wave.B).stream().filter(id -> !seen.contains(id)).count(),
                seen.stream().filter(id -> !biggest.wave(Wave.B).contains(id)).count(), allOnce && complete ? "yes" : "NO"));
        md.append(String.format(Locale.ROOT, "A further run for the same time afterwards: examined %d, changed %d, complete %s.%n",
                again.examined(), again.changed(), again.complete()));
        if (!(allOnce && complete) || again.changed() != 0) {
            throw new IllegalStateException("backlog check failed:\n" + md);
        }
    }

    private static void stop(Process p) {
        if (p.isAlive()) {
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static long ms(long nanos) {
        return Math.round(nanos / 1e6);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /**
     * Counts what RoundTrips does not: calls and time per operation, and the items each Query returned
     * (Count) and read before filtering (ScannedCount). Single-threaded use only, like the sweep.
     */
    static final class Calls implements ExecutionInterceptor {
        private final Map<String, Integer> counts = new TreeMap<>();
        private final Map<String, Long> nanos = new TreeMap<>();
        private long queryCount;
        private long queryScanned;
        private double capacity;
        private boolean anyCapacity;
        private long startedAt;

        record Snapshot(Map<String, Integer> counts, Map<String, Long> nanos, long queryCount, long queryScanned,
                        double capacity, boolean anyCapacity) {
            int total() {
                return counts.values().stream().mapToInt(Integer::intValue).sum();
            }

            int count(String op) {
                return counts.getOrDefault(op, 0);
            }

            long nanos(String op) {
                return nanos.getOrDefault(op, 0L);
            }

            String byOperation() {
                StringBuilder sb = new StringBuilder();
                counts.forEach((op, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(op).append(' ').append(n));
                return total() + " (" + sb + ")";
            }

            String capacityText() {
                return anyCapacity ? String.format(Locale.ROOT, "%.1f", capacity) : "not reported";
            }
        }

        void reset() {
            counts.clear();
            nanos.clear();
            queryCount = 0;
            queryScanned = 0;
            capacity = 0;
            anyCapacity = false;
        }

        Snapshot snapshot() {
            return new Snapshot(new LinkedHashMap<>(counts), new LinkedHashMap<>(nanos), queryCount, queryScanned, capacity, anyCapacity);
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            startedAt = System.nanoTime();
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            record(attributes);
            SdkResponse response = context.response();
            if (response instanceof QueryResponse q) {
                queryCount += q.count() == null ? 0 : q.count();
                queryScanned += q.scannedCount() == null ? 0 : q.scannedCount();
            }
            response.getValueForField("ConsumedCapacity", ConsumedCapacity.class).ifPresent(c -> {
                if (c.capacityUnits() != null) {
                    anyCapacity = true;
                    capacity += c.capacityUnits();
                }
            });
        }

        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            record(attributes);
        }

        private void record(ExecutionAttributes attributes) {
            String op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            counts.merge(op, 1, Integer::sum);
            nanos.merge(op, System.nanoTime() - startedAt, Long::sum);
        }
    }
}
