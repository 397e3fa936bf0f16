package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.policy.Refusal;
import io.claimdesk.testing.Events;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The edge without a running application: which events are HTTP requests, and what input a request makes. */
class HttpEdgeTest {

    private final HttpEdge edge = new HttpEdge(Events.JSON);

    static java.util.List<String> sampleInputs() {
        return Events.names();
    }

    @ParameterizedTest
    @MethodSource("sampleInputs")
    void noDirectInputIsTakenForAnHttpRequest(String sample) {
        assertThat(HttpEdge.isRequest(Events.load(sample))).isFalse();
    }

    @Test
    void aRequestShapedAsAwsDocumentsIsOneAndNothingShortOfItIs() {
        ObjectNode request = ApiGateway.request("GET /cases", "/cases");
        assertThat(HttpEdge.isRequest(request)).isTrue();
        assertThat(HttpEdge.isRequest(request.deepCopy().put("version", "1.0"))).as("REST API payload 1.0").isFalse();
        ObjectNode noRoute = request.deepCopy();
        noRoute.remove("routeKey");
        assertThat(HttpEdge.isRequest(noRoute)).isFalse();
        ObjectNode noContext = request.deepCopy();
        noContext.remove("requestContext");
        assertThat(HttpEdge.isRequest(noContext)).isFalse();
        assertThat(HttpEdge.isRequest(null)).isFalse();
        assertThat(HttpEdge.isRequest(Events.JSON.getNodeFactory().textNode("2.0"))).isFalse();
    }

    @Test
    void eachRouteBelongsToOneFunctionAndARequestToAnotherFunctionsRouteFindsNone() {
        for (Route route : Route.ALL) {
            ObjectNode request = ApiGateway.request(route.key(), route.path().replace("{orderId}", "o-1"));
            assertThat(HttpEdge.routeOf(request, route.function())).contains(route);
            Route.ALL.stream().map(Route::function).filter(f -> !f.equals(route.function()))
                    .forEach(other -> assertThat(HttpEdge.routeOf(request, other)).isEmpty());
        }
        assertThat(HttpEdge.routeOf(ApiGateway.request("PUT /cases", "/cases"), "caseDesk")).isEmpty();
    }

    @Test
    void theListReadsItsParametersLimitAsANumberOnlyWhenItIsOneAndNothingElse() {
        Route list = Route.ofKey("GET /cases").orElseThrow();
        ObjectNode input = edge.input(list, ApiGateway.request(list.key(),
                "/cases?attention=2026-12-31&limit=20&next=abc&orderId=x&status=OPEN&language=en&marketplace=FR&other=1"));
        assertThat(input.toString()).isEqualTo(
                "{\"attention\":\"2026-12-31\",\"marketplace\":\"FR\",\"status\":\"OPEN\",\"next\":\"abc\",\"limit\":20,\"language\":\"en\"}");
        for (String limit : new String[] {"020", "-1", "1e3", "ten", "", "9999999999"}) {
            assertThat(edge.input(list, ApiGateway.request(list.key(), "/cases?limit=" + limit)).path("limit").isTextual())
                    .as(limit).isTrue();
        }
    }

    @Test
    void theCaseRouteTakesThePathsOrderIdAndTheLanguageOnly() {
        Route one = Route.ofKey("GET /cases/{orderId}").orElseThrow();
        ObjectNode input = edge.input(one, ApiGateway.request(one.key(), "/cases/o-1?language=de&limit=3"));
        assertThat(input.toString()).isEqualTo("{\"orderId\":\"o-1\",\"language\":\"de\"}");
    }

    @Test
    void aBodyRouteKeepsTheBodysNullsAndPutsThePathsOrderIdInPlaceOfTheBodys() {
        Route refunds = Route.ofKey("POST /cases/{orderId}/refunds").orElseThrow();
        ObjectNode input = edge.input(refunds, ApiGateway.request(refunds.key(), "/cases/o-1/refunds",
                "{\"orderId\":\"o-2\",\"reason\":null,\"amount\":\"1.00\"}"));
        assertThat(input.toString()).isEqualTo("{\"orderId\":\"o-1\",\"reason\":null,\"amount\":\"1.00\"}");
    }

    @Test
    void aBodyJustUnderTheCapIsReadAndOneByteOverIsRefused() {
        Route evaluate = Route.ofKey("POST /claims/evaluate").orElseThrow();
        String filler = "{\"x\":\"" + "a".repeat(HttpEdge.MAX_BODY_BYTES - 8) + "\"}";
        assertThat(filler.length()).isEqualTo(HttpEdge.MAX_BODY_BYTES);
        assertThat(edge.input(evaluate, ApiGateway.request(evaluate.key(), "/claims/evaluate", filler)).has("x")).isTrue();
        String over = "{\"x\":\"" + "a".repeat(HttpEdge.MAX_BODY_BYTES - 7) + "\"}";
        Refusal refused = catchThrowableOfType(Refusal.class,
                () -> edge.input(evaluate, ApiGateway.request(evaluate.key(), "/claims/evaluate", over)));
        assertThat(refused.field()).isNull();
        assertThat(refused.getMessage()).contains("larger than");
    }

    @Test
    void theCallerIsTheSignedInUsersEMailOrNameOrTheMachinesIamArnAndNobodyWithoutAnAuthorizer() {
        ObjectNode machine = ApiGateway.request("GET /cases", "/cases");
        assertThat(HttpEdge.caller(machine)).contains("arn:aws:iam::123456789012:user/desk-script");

        ObjectNode user = machine.deepCopy();
        ObjectNode authorizer = ((ObjectNode) user.path("requestContext")).putObject("authorizer");
        ObjectNode claims = authorizer.putObject("jwt").putObject("claims");
        claims.put("sub", "6f1c2d3e-aaaa-bbbb-cccc-0123456789ab").put("cognito:username", "6f1c2d3e-aaaa-bbbb-cccc-0123456789ab");
        assertThat(HttpEdge.caller(user)).contains("6f1c2d3e-aaaa-bbbb-cccc-0123456789ab");
        claims.put("email", "agent@seller.example");
        assertThat(HttpEdge.caller(user)).contains("agent@seller.example");
        claims.put("email", "x".repeat(300) + "\n");
        assertThat(HttpEdge.caller(user).orElseThrow()).hasSize(128).doesNotContain("\n");

        ObjectNode local = machine.deepCopy();
        ((ObjectNode) local.path("requestContext")).remove("authorizer");
        assertThat(HttpEdge.caller(local)).isEmpty();
    }

    /** A request of the desk API as its JWT authorizer hands it on: the token's claims, groups as one bracketed string. */
    static ObjectNode signedIn(String routeKey, String path, String groups) {
        ObjectNode request = ApiGateway.request(routeKey, path);
        ObjectNode claims = ((ObjectNode) request.path("requestContext")).putObject("authorizer").putObject("jwt").putObject("claims");
        claims.put("email", "agent@seller.example");
        if (groups != null) {
            claims.put("cognito:groups", groups);
        }
        return request;
    }

    @Test
    void aSignedInReaderMayReadButNotRecordAndARecorderMayDoBoth() {
        for (Route route : Route.ALL) {
            String path = route.path().replace("{orderId}", "171-5550123-7654321");
            HttpEdge.permit(route, signedIn(route.key(), path, "[" + HttpEdge.RECORDERS + "]"));
            if (route.records()) {
                Refusal refused = catchThrowableOfType(Refusal.class,
                        () -> HttpEdge.permit(route, signedIn(route.key(), path, "[" + HttpEdge.READERS + "]")));
                assertThat(refused).as(route.key()).isNotNull();
                assertThat(refused.code()).isEqualTo(io.claimdesk.policy.RefusalCode.NOT_ALLOWED);
                assertThat(refused.field()).isNull();
                assertThat(refused.getMessage()).contains(HttpEdge.RECORDERS);
            } else {
                HttpEdge.permit(route, signedIn(route.key(), path, "[" + HttpEdge.READERS + "]"));
            }
        }
        assertThat(Route.ALL.stream().filter(Route::records).map(Route::method)).containsOnly(Route.POST).isNotEmpty();
    }

    @Test
    void aSignedInUserInNeitherGroupMayDoNothing() {
        for (String groups : new String[] {null, "[]", "[desk-admins]", "desk-readers-old"}) {
            for (Route route : Route.ALL) {
                Refusal refused = catchThrowableOfType(Refusal.class, () -> HttpEdge.permit(route,
                        signedIn(route.key(), route.path().replace("{orderId}", "o-1"), groups)));
                assertThat(refused).as(groups + " " + route.key()).isNotNull();
                assertThat(refused.code()).isEqualTo(io.claimdesk.policy.RefusalCode.NOT_ALLOWED);
            }
        }
        assertThat(FunctionError.statusOf(io.claimdesk.policy.RefusalCode.NOT_ALLOWED)).isEqualTo(403);
    }

    @Test
    void machinesSignedWithIamAndDevModeAreNotSubjectToTheGroups() {
        Route refunds = Route.ofKey("POST /cases/{orderId}/refunds").orElseThrow();
        ObjectNode machine = ApiGateway.request(refunds.key(), "/cases/o-1/refunds");
        HttpEdge.permit(refunds, machine);
        ObjectNode local = machine.deepCopy();
        ((ObjectNode) local.path("requestContext")).remove("authorizer");
        HttpEdge.permit(refunds, local);
    }

    @Test
    void theGroupsClaimIsReadAsApiGatewayWritesItAndAsAJsonArray() {
        assertThat(HttpEdge.groups(Events.JSON.getNodeFactory().textNode("[desk-readers desk-recorders]")))
                .containsExactlyInAnyOrder("desk-readers", "desk-recorders");
        assertThat(HttpEdge.groups(Events.JSON.getNodeFactory().textNode("desk-recorders"))).containsExactly("desk-recorders");
        assertThat(HttpEdge.groups(Events.JSON.createArrayNode().add("desk-readers"))).containsExactly("desk-readers");
        assertThat(HttpEdge.groups(Events.JSON.getNodeFactory().textNode("[]"))).isEmpty();
        assertThat(HttpEdge.groups(Events.JSON.missingNode())).isEmpty();
    }
}
