package io.claimdesk.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DynamoDB calls of the functions' invocations, as production counts them: {@code io.claimdesk.cases.RoundTrips}
 * meters each invocation (one per API call, whatever the SDK retried underneath) and the function logs its figures,
 * {@code <function> done: N DynamoDB call(s) [Op, ...], ...} ({@code <function>: N DynamoDB call(s) [...], ...; refused: ...}
 * for a refusal), the line the benchmarks read too ({@code bench/lib/function_log.py}). Counts the invocations
 * answered since {@link #reset()}.
 */
public final class DynamoDbCalls {

    private static final Pattern DONE = Pattern.compile("^\\w+(?: done)?: (\\d+) DynamoDB call\\(s\\) \\[([^\\]]*)\\]");

    private static LogCapture logs;

    private DynamoDbCalls() {
    }

    /** Counts from now on. */
    public static synchronized void reset() {
        if (logs != null) {
            logs.close();
        }
        logs = LogCapture.start();
    }

    /** The operations of every invocation answered since {@link #reset()}, in the order the invocations logged them. */
    public static synchronized List<String> calls() {
        if (logs == null) {
            throw new IllegalStateException("call DynamoDbCalls.reset() before the invocations to count");
        }
        List<String> calls = new ArrayList<>();
        for (LogCapture.Line line : logs.lines()) {
            Matcher done = DONE.matcher(line.text());
            if (done.find()) {
                List<String> ops = done.group(2).isEmpty() ? List.of() : Arrays.asList(done.group(2).split(", "));
                if (ops.size() != Integer.parseInt(done.group(1))) {
                    throw new AssertionError("the figures of one invocation disagree: " + line.text());
                }
                calls.addAll(ops);
            }
        }
        return List.copyOf(calls);
    }
}
