package io.claimdesk.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs N callers at once, as N Lambda instances would handle N deliveries of events at the same time:
 * each on its own thread, all released together, every outcome (answer or error) kept in caller order.
 */
public final class Race {

    private Race() {
    }

    /** What one caller got: its answer, or the error it raised. */
    public record Outcome<T>(int caller, T value, Throwable error) {
        public boolean ok() {
            return error == null;
        }
    }

    public static <T> List<Outcome<T>> run(int callers, IntFunction<T> call) {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch ready = new CountDownLatch(callers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Outcome<T>>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int caller = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        return new Outcome<>(caller, call.apply(caller), null);
                    } catch (RuntimeException | AssertionError e) {
                        return new Outcome<T>(caller, null, e);
                    }
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<Outcome<T>> f : futures) {
                outcomes.add(f.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        } catch (Exception e) {
            throw new IllegalStateException("a racing caller did not finish: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }
}
