package io.claimdesk.functions;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.claimdesk.cases.CaseTable;

/**
 * One route of the API: its method and path as API Gateway names them ({@code routeKey}), the function that answers
 * it, and where that function's input comes from: the JSON body, the path's {@code {orderId}}, and the query
 * parameters it reads ({@code numbers} among them are passed as JSON numbers when they are whole numbers). The one
 * table of the API: the template's routes are checked against {@link #ALL}, and the local server serves it.
 */
public record Route(String method, String path, String function, boolean body, List<String> query, Set<String> numbers) {

    public static final String GET = "GET";
    public static final String POST = "POST";

    public static final List<Route> ALL = List.of(
            new Route(POST, "/claims/evaluate", CaseTable.EVALUATE_CLAIM, true, List.of(), Set.of()),
            new Route(POST, "/cases/{orderId}/refunds", CaseTable.RECORD_REFUND, true, List.of(), Set.of()),
            new Route(POST, "/cases/{orderId}/arrivals", CaseTable.FLAG_LATE_ARRIVAL, true, List.of(), Set.of()),
            new Route(POST, "/cases/{orderId}/claim", CaseTable.RECORD_CLAIM, true, List.of(), Set.of()),
            new Route(POST, "/cases/{orderId}/set-aside", CaseTable.SET_ASIDE, true, List.of(), Set.of()),
            new Route(GET, "/cases", CaseTable.CASE_DESK, false,
                    List.of("attention", "marketplace", "status", "next", "limit", "language"), Set.of("limit")),
            new Route(GET, "/cases/{orderId}", CaseTable.CASE_DESK, false, List.of("language"), Set.of()));

    /** The only path parameter any route has: {@code {orderId}}. */
    public static final String ORDER_ID = "orderId";

    public Route {
        query = List.copyOf(query);
        numbers = Set.copyOf(numbers);
    }

    /** Whether the route records something: every POST does (evaluateClaim opens or updates a case); a GET never does. */
    public boolean records() {
        return method.equals(POST);
    }

    /** API Gateway's {@code routeKey}: "POST /cases/{orderId}/refunds". */
    public String key() {
        return method + " " + path;
    }

    public static Optional<Route> ofKey(String routeKey) {
        return ALL.stream().filter(r -> r.key().equals(routeKey)).findFirst();
    }

}
