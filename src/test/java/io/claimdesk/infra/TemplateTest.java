package io.claimdesk.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.cases.CaseTable;
import io.claimdesk.functions.FunctionError;
import io.claimdesk.functions.Inputs;
import io.claimdesk.functions.Views;
import io.claimdesk.policy.RefusalCode;
import io.quarkus.funqy.Funq;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * Checks infra/template.yaml against the code's contracts: exports, routes, error mapping, IAM, table, alarms.
 * The API's mapping templates are rendered by Apache Velocity ({@link MappingTemplates}) and their output parsed.
 */
class TemplateTest {

    private static final Path TEMPLATE = Path.of("infra", "template.yaml");
    private static final String FUNCTIONS_PACKAGE = "io.claimdesk.functions";
    private static final String FUNCTIONS_CLASS = FUNCTIONS_PACKAGE + ".ClaimFunctions";
    /** Each route's one method and the function it invokes. */
    private record Route(String method, String export) {
    }

    private static final Map<String, Route> ROUTES = Map.of(
            "/claims/evaluate", new Route("post", CaseTable.EVALUATE_CLAIM),
            "/cases/{orderId}/refunds", new Route("post", CaseTable.RECORD_REFUND),
            "/cases/{orderId}/arrivals", new Route("post", CaseTable.FLAG_LATE_ARRIVAL),
            "/cases", new Route("get", CaseTable.CASE_DESK),
            "/cases/{orderId}", new Route("get", CaseTable.CASE_DESK));
    private static final Pattern ALIAS_URI = Pattern.compile("functions/\\$\\{(\\w+)\\.Alias}/invocations$");
    private static final String LAMBDA_REQUEST_ID = "5b1f3c1e-8a43-4c2a-9d2e-6f0d2a7b9c10";
    private static final String EXTENDED_REQUEST_ID = "Qx3kTHfmCGkEBXw=";
    /** $context as API Gateway fills it; requestId is whatever the client sent in X-Amzn-RequestId. */
    private static final Map<String, Object> CONTEXT = Map.of(
            "requestId", "chosen-by-the-client",
            "extendedRequestId", EXTENDED_REQUEST_ID,
            "awsEndpointRequestId", LAMBDA_REQUEST_ID);
    private static final JsonNode INTERNAL_ERROR = MappingTemplates.JSON.createObjectNode().put("code", "INTERNAL_ERROR")
            .putNull("field").put("message", "Internal error.").put("requestId", LAMBDA_REQUEST_ID);

    private static Map<String, Object> template;
    private static Map<String, Object> resources;

    @BeforeAll
    static void load() throws IOException {
        template = CfnYaml.load(TEMPLATE);
        resources = map(template, "Resources");
    }

    // ---------------------------------------------------------------- functions

    @Test
    void deploysOneFunctionPerExportFromTheSharedZip() {
        assertThat(exportsByFunction().values())
                .containsExactlyInAnyOrder(CaseTable.EVALUATE_CLAIM, CaseTable.RECORD_REFUND, CaseTable.FLAG_LATE_ARRIVAL,
                        CaseTable.CASE_DESK);
        for (String function : exportsByFunction().keySet()) {
            Map<String, Object> properties = effectiveFunctionProperties(function);
            assertThat(properties).containsEntry("CodeUri", "../target/function.zip")
                    .containsEntry("Handler", "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest")
                    .containsEntry("Runtime", "java21")
                    .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"))
                    .containsKey("AutoPublishAlias");
            assertThat(map(map(properties, "Environment"), "Variables"))
                    .containsEntry("CLAIMDESK_TABLE_NAME", Map.of("Ref", "CaseTable"));
        }
    }

    @Test
    void everyExportNamesAFunqMethodOfClaimFunctions() {
        Class<?> functions;
        try {
            functions = Class.forName(FUNCTIONS_CLASS);
        } catch (ClassNotFoundException e) {
            fail(FUNCTIONS_CLASS + " is not on the classpath: the template exports " + exportsByFunction().values()
                    + " but there is no @Funq method to check them against");
            return;
        }
        Set<String> funqNames = Arrays.stream(functions.getMethods())
                .filter(method -> method.isAnnotationPresent(Funq.class))
                .map(TemplateTest::funqName)
                .collect(Collectors.toSet());
        assertThat(funqNames).containsAll(exportsByFunction().values());
    }

    @Test
    void requestModelsListExactlyTheFieldsOfTheFunctionInputs() {
        Map<String, Object> schemas = map(map(map(map(map(resources, "ClaimApi"), "Properties"), "DefinitionBody"),
                "components"), "schemas");
        assertThat(schemas).isNotEmpty();
        schemas.forEach((name, schema) -> {
            String className = FUNCTIONS_PACKAGE + "." + name;
            try {
                Class<?> type = Class.forName(className);
                assertSameFields(name, asMap(schema), type, type, "");
            } catch (ClassNotFoundException e) {
                fail(className + " is not on the classpath: request model " + name + " has nothing to be checked against");
            }
        });
    }

    /**
     * A model must name the record's components, no more (unknown keys are refused) and no fewer, and take an
     * explicit null exactly where the function does: on every field that some sample event of the function leaves
     * null and is still accepted.
     */
    private static void assertSameFields(String where, Map<String, Object> schema, Class<?> top, Class<?> type, String prefix) {
        assertThat(type.isRecord()).as("%s is a record", type.getName()).isTrue();
        assertThat(schema).as(where).containsEntry("additionalProperties", false);
        Map<String, Object> properties = map(schema, "properties");
        assertThat(properties.keySet()).as(where).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
        for (RecordComponent component : type.getRecordComponents()) {
            Map<String, Object> property = map(properties, component.getName());
            boolean required = refusedAsNull(top, prefix + component.getName());
            assertThat(strings(property.get("type")).contains("null"))
                    .as("%s.%s takes null: %s", where, component.getName(), property.get("type")).isEqualTo(!required);
            if (property.containsKey("properties")) {
                assertSameFields(where + "." + component.getName(), property, top, component.getType(), prefix + component.getName() + ".");
            }
        }
    }

    /** The sample events of each input, in {@code events/}: every way a caller may fill it. */
    private static final Map<String, List<String>> SAMPLES = Map.of(
            "EvaluateClaimInput", List.of("evaluate-claim.json", "file-claim.json", "evaluate-spapi-v0.json", "evaluate-spapi-v2026.json"),
            "RecordRefundInput", List.of("record-refund.json"),
            "ArrivalInput", List.of("flag-late-arrival.json", "record-consent.json"),
            "CaseDeskInput", List.of("case-desk-case.json", "case-desk-attention.json"));

    /**
     * Whether the function refuses a null at {@code path} (a.b) in every sample that holds the object around it:
     * a field some valid input leaves null must take null at the API too.
     */
    private static boolean refusedAsNull(Class<?> type, String path) {
        String[] steps = path.split("\\.");
        int applicable = 0;
        int refused = 0;
        for (String sample : SAMPLES.getOrDefault(type.getSimpleName(), List.of())) {
            JsonNode event;
            try {
                event = MappingTemplates.JSON.readTree(Path.of("events", sample).toFile());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            JsonNode parent = event;
            for (int i = 0; i < steps.length - 1 && parent != null; i++) {
                parent = parent.get(steps[i]);
            }
            if (!(parent instanceof ObjectNode object)) {
                continue;
            }
            applicable++;
            object.putNull(steps[steps.length - 1]);
            try {
                new Inputs().read(event, type);
            } catch (io.claimdesk.policy.Refusal r) {
                refused++;
            }
        }
        assertThat(applicable).as("a sample event of %s holds %s's parent", type.getSimpleName(), path).isPositive();
        return refused == applicable;
    }

    // ---------------------------------------------------------------- API

    @Test
    void routesCallTheFunctionOfTheSameName() {
        Map<String, Object> paths = paths();
        assertThat(paths.keySet()).containsExactlyInAnyOrderElementsOf(ROUTES.keySet());
        ROUTES.forEach((path, route) -> {
            Map<String, Object> methods = map(paths, path);
            assertThat(methods.keySet()).as(path).containsExactly(route.method());
            Map<String, Object> integration = integration(path);
            assertThat(integration).as(path).containsEntry("type", "aws").containsEntry("httpMethod", "POST");
            String function = aliasTarget(integration);
            assertThat(exportsByFunction()).as(path).containsEntry(function, route.export());
            assertThat(apiPermissionSourceArns(function)).as(path)
                    .anySatisfy(arn -> assertThat(arn).endsWith("${ClaimApi}/*/" + route.method().toUpperCase(java.util.Locale.ROOT)
                            + path.replace("{orderId}", "*")));
        });
    }

    @Test
    void theReadRoutesTakeNoBodyAndRequireOnlyThePathsOrderId() {
        for (String path : List.of("/cases", "/cases/{orderId}")) {
            Map<String, Object> get = map(map(paths(), path), "get");
            assertThat(get).as(path).doesNotContainKey("requestBody").containsEntry("x-amazon-apigateway-request-validator", "params-only");
            List<Map<String, Object>> parameters = maps(get.get("parameters"));
            assertThat(parameters).as(path).allSatisfy(parameter -> assertThat(parameter.get("required"))
                    .isEqualTo("orderId".equals(parameter.get("name"))));
            Set<String> queryNames = parameters.stream().filter(p -> "query".equals(p.get("in"))).map(p -> (String) p.get("name"))
                    .collect(Collectors.toSet());
            Set<String> inputFields = Arrays.stream(io.claimdesk.functions.CaseDeskInput.class.getRecordComponents())
                    .map(RecordComponent::getName).collect(Collectors.toSet());
            assertThat(inputFields).as(path + ": every query parameter is a field of caseDesk's input").containsAll(queryNames);
        }
        assertThat(map(map(map(map(map(resources, "ClaimApi"), "Properties"), "DefinitionBody"),
                "x-amazon-apigateway-request-validators"), "params-only"))
                .isEqualTo(Map.of("validateRequestBody", false, "validateRequestParameters", true));
    }

    @Test
    void errorPatternsMapExactlyTheContractStatuses() {
        Map<String, Object> evaluate = responses("/claims/evaluate");
        for (String path : ROUTES.keySet()) {
            assertThat(responses(path)).as(path).isEqualTo(evaluate);
        }
        Map<String, Set<String>> patternsByStatus = new HashMap<>();
        evaluate.forEach((pattern, response) -> patternsByStatus
                .computeIfAbsent((String) map(evaluate, pattern).get("statusCode"), s -> new TreeSet<>())
                .add(pattern));
        // 4xx refusals are not errors: the default (200) response's template sets their status.
        assertThat(patternsByStatus).containsOnlyKeys("200", "400", "500", "503", "504");
        assertThat(patternsByStatus.get("200")).containsExactly("default");
        List.of("400", "500", "503", "504").forEach(status -> assertThat(patternsByStatus.get(status)).hasSize(1));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "io.claimdesk.functions.FunctionError: [503] STORE_UNAVAILABLE -: DynamoDB throttled the request | 503",
        "io.claimdesk.functions.FunctionError: [503] STORE_UNAVAILABLE -: it said \"slow down\" \\\\ l'été\\nretry | 503",
        "Could not deserialize the provided message. | 400",
        "2019-09-18T00:02:46.542Z f2704689-7aa3-4af3-ac88-857c01c4bd45 Task timed out after 20.01 seconds | 504",
        "RequestId: 327ec045-e1e7-45f8-8369-c7950e1a5f6f Error: Task timed out after 20.00 seconds | 504",
        "java.lang.RuntimeException: boom | 500",
        "java.lang.IllegalStateException: upstream answered [503] Service Unavailable | 500",
        "java.lang.NullPointerException: first line\\n\\tat somewhere | 500",
        "RequestId: 327ec045-e1e7-45f8-8369-c7950e1a5f6f Error: Runtime exited with error: signal: killed | 500",
        "io.claimdesk.functions.FunctionError: [422] INVALID_TRANSITION orderId: a refusal is an answer, never an error | 500",
    })
    void aFailedInvocationGetsTheContractStatusAndAJsonBody(String errorMessage, String expectedStatus) throws IOException {
        String message = errorMessage.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\");
        String error = MappingTemplates.JSON.writeValueAsString(Map.of("errorMessage", message,
                "errorType", "io.quarkus.funqy.runtime.ApplicationException", "stackTrace", List.of("at x.y(Z.java:1)")));
        for (String path : ROUTES.keySet()) {
            Map<String, Object> responses = responses(path);
            String pattern = selectPattern(responses, message);
            assertThat(map(responses, pattern).get("statusCode")).as(path).isEqualTo(expectedStatus);
            MappingTemplates.Rendered rendered = MappingTemplates.render(responseTemplate(responses, pattern), error, Map.of(), CONTEXT);
            assertThat(rendered.status()).as("no override: the selected response's status stands").isNull();
            JsonNode body = rendered.json();
            assertThat(fieldNames(body)).as(path).startsWith("code", "field", "message");
            switch (expectedStatus) {
                case "503" -> {
                    assertThat(body.path("code").asText()).isEqualTo("STORE_UNAVAILABLE");
                    assertThat(body.path("field").isNull()).isTrue();
                    assertThat(body.path("message").asText()).isEqualTo(message.substring(message.indexOf("-: ") + 3));
                    assertThat(map(map(responses, pattern), "responseParameters"))
                            .containsEntry("method.response.header.Retry-After", "'1'");
                }
                case "504" -> assertThat(body).isEqualTo(MappingTemplates.JSON.readTree(
                        "{\"code\":\"TIMEOUT\",\"field\":null,\"message\":\"The call took too long and may or may not have taken effect;"
                                + " retrying the same call is safe.\",\"requestId\":\"" + LAMBDA_REQUEST_ID + "\"}"));
                case "500" -> {
                    assertThat(body).isEqualTo(INTERNAL_ERROR);
                    assertThat(rendered.body()).doesNotContain("boom", "upstream", "somewhere", "killed", "INVALID_TRANSITION");
                }
                default -> assertThat(body.path("code").asText()).isEqualTo("VALIDATION_FAILED");
            }
        }
    }

    @Test
    void aSuccessfulInvocationUsesTheDefaultResponse() {
        // A successful invocation has no error header: patterns are matched against "", so none may accept it.
        for (String path : ROUTES.keySet()) {
            assertThat(selectStatus(responses(path), "")).as(path).isEqualTo("200");
        }
    }

    static Stream<Arguments> everyRefusalCode() {
        List<Arguments> arguments = new ArrayList<>();
        for (RefusalCode code : RefusalCode.values()) {
            arguments.add(Arguments.of(code, "orderId"));
            arguments.add(Arguments.of(code, null));
        }
        return arguments.stream();
    }

    /** A refused call is a successful invocation; its answer sets the status, and the body is today's 4xx body. */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everyRefusalCode")
    void aRefusalIsAnsweredWithItsStatusAndItsCodeFieldAndMessage(RefusalCode code, String field) throws IOException {
        int status = FunctionError.statusOf(code);
        String answer = refusalAnswer(status, code.name(), field, "the case is closed");
        for (String path : ROUTES.keySet()) {
            MappingTemplates.Rendered rendered = renderAnswer(path, answer);
            assertThat(rendered.status()).as(path).isEqualTo(status);
            ObjectNode expected = MappingTemplates.JSON.createObjectNode().put("code", code.name()).put("field", field)
                    .put("message", "the case is closed");
            assertThat(rendered.json()).as(path).isEqualTo(expected);
            assertThat(fieldNames(rendered.json())).containsExactly("code", "field", "message");
            assertThat(status).isBetween(400, 499);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "He said \"no\" and 'maybe'",
        "C:\\cases\\171 \\u0041 \\\"",
        "line one\nline two\r\n\ttabbed",
        "Pour l'été : 59,90 € — 日本語 😀",
        "</script><!-- ${x} $context.requestId #set($a = 1) $input.json('$') -->",
        "\u0000\u0007\u001f \u007f \u2028\u2029",
    })
    void aRefusalMessageWithQuotesBackslashesNewlinesAndNonAsciiStaysJson(String message) throws IOException {
        String answer = refusalAnswer(422, "INVALID_TRANSITION", "amount", message);
        for (String path : ROUTES.keySet()) {
            MappingTemplates.Rendered rendered = renderAnswer(path, answer);
            assertThat(rendered.status()).isEqualTo(422);
            assertThat(rendered.json().path("message").asText()).as(path).isEqualTo(message);
            assertThat(rendered.json().path("field").asText()).isEqualTo("amount");
        }
    }

    @Test
    void aSuccessfulAnswerPassesThroughAsItIs() throws IOException {
        String answer = "{\"orderId\":\"171-5550123-7654321\",\"replay\":false,\"refund\":{\"amount\":\"20.00\",\"reason\":null},"
                + "\"caseView\":{\"arrival\":null,\"history\":[{\"says\":[\"[R3] l'été \\\"x\\\" \\\\ 日本 😀\\n\"]}],\"version\":2}}";
        for (String path : ROUTES.keySet()) {
            MappingTemplates.Rendered rendered = renderAnswer(path, answer);
            assertThat(rendered.status()).as("no override: 200").isNull();
            assertThat(rendered.json()).as(path).isEqualTo(MappingTemplates.JSON.readTree(answer));
        }
    }

    @Test
    void aFailedInvocationWithAnEmptyErrorMessageIsStillA500() throws IOException {
        String error = "{\"errorMessage\":\"\",\"errorType\":\"java.lang.NullPointerException\"}";
        for (String path : ROUTES.keySet()) {
            assertThat(selectStatus(responses(path), "")).as("no pattern takes an empty errorMessage").isEqualTo("200");
            MappingTemplates.Rendered rendered = renderAnswer(path, error);
            assertThat(rendered.status()).as(path).isEqualTo(500);
            assertThat(rendered.json()).isEqualTo(INTERNAL_ERROR);
        }
    }

    @Test
    void internalErrorsNeverEchoTheErrorMessage() {
        Map<String, Object> responses = responses("/claims/evaluate");
        responses.forEach((pattern, response) -> {
            if (List.of("500", "504").contains(map(responses, pattern).get("statusCode"))) {
                assertThat(responseTemplate(responses, pattern))
                        .doesNotContain("errorMessage").doesNotContain("stackTrace");
            }
        });
    }

    @Test
    void everyStatusTheIntegrationAnswersIsAMethodResponseWithItsHeaders() {
        for (String path : ROUTES.keySet()) {
            Map<String, Object> methodResponses = map(map(map(paths(), path), ROUTES.get(path).method()), "responses");
            // Set by the Answer template: caseDesk refuses bad input and unknown orders only.
            Set<String> statuses = new TreeSet<>(ROUTES.get(path).export().equals(CaseTable.CASE_DESK)
                    ? List.of("400", "404") : List.of("400", "404", "409", "422"));
            Map<String, Object> responses = responses(path);
            responses.forEach((pattern, response) -> statuses.add((String) map(responses, pattern).get("statusCode")));
            assertThat(methodResponses.keySet()).as(path).containsAll(statuses);
            responses.forEach((pattern, response) -> {
                Object parameters = asMap(response).get("responseParameters");
                if (parameters != null) {
                    for (String key : asMap(parameters).keySet()) {
                        String header = key.substring("method.response.header.".length());
                        assertThat(map(map(methodResponses, (String) asMap(response).get("statusCode")), "headers"))
                                .as(path + " declares " + header).containsKey(header);
                    }
                }
            });
        }
    }

    // ---------------------------------------------------------------- request templates, rendered by Velocity

    @Test
    void theEvaluateRouteSendsTheBodyAsItIsNullsIncluded() throws IOException {
        String body = "{\"orderId\":\"171-5550123-7654321\",\"orderDate\":\"2026-03-01\",\"orderedAt\":null,"
                + "\"shipment\":{\"carrier\":\"La Poste\",\"tracking\":null,\"status\":null},\"asOf\":null,\"language\":null}";
        MappingTemplates.Rendered rendered = MappingTemplates.render(requestTemplate("/claims/evaluate"), body, Map.of(), CONTEXT);
        assertThat(rendered.json()).isEqualTo(MappingTemplates.JSON.readTree(body));
    }

    /** Path order ids a request template must put into JSON as they are. */
    static Stream<String> orderIdsToEscape() {
        return Stream.of("171-5550123-7654321", "it's \"quoted\"", "back\\slash/and/slashes", "é日本😀", "line\nbreak\ttab",
                "$context.requestId #if( ${x}", "</script>");
    }

    @ParameterizedTest
    @MethodSource("orderIdsToEscape")
    void caseRoutesPutThePathOrderIdIntoAJsonBodyThatKeepsNulls(String orderId) throws IOException {
        ObjectNode body = MappingTemplates.JSON.createObjectNode().put("orderId", "from-the-body").put("refundId", "rf-1")
                .put("amount", "20.00").putNull("currency").putNull("reorderRequested").put("reason", "l'été \"x\" \\ 😀")
                .putNull("refundedOn");
        for (String path : List.of("/cases/{orderId}/refunds", "/cases/{orderId}/arrivals")) {
            MappingTemplates.Rendered rendered = MappingTemplates.render(requestTemplate(path), body.toString(),
                    Map.of("orderId", orderId), CONTEXT);
            ObjectNode expected = body.deepCopy().put("orderId", orderId);
            assertThat(rendered.json()).as(path).isEqualTo(expected);
            assertThat(fieldNames(rendered.json()).get(0)).isEqualTo("orderId");
        }
    }

    @ParameterizedTest
    @MethodSource("orderIdsToEscape")
    void theCaseRouteSendsThePathOrderIdAndTheLanguageAsJson(String orderId) throws IOException {
        MappingTemplates.Rendered alone = MappingTemplates.render(requestTemplate("/cases/{orderId}"), "",
                Map.of("orderId", orderId), Map.of(), CONTEXT);
        assertThat(alone.json()).isEqualTo(MappingTemplates.JSON.createObjectNode().put("orderId", orderId));
        MappingTemplates.Rendered withLanguage = MappingTemplates.render(requestTemplate("/cases/{orderId}"), "",
                Map.of("orderId", orderId), Map.of("language", "fr", "attention", "2026-11-27"), CONTEXT);
        assertThat(withLanguage.json()).as("only the language is taken from the query")
                .isEqualTo(MappingTemplates.JSON.createObjectNode().put("orderId", orderId).put("language", "fr"));
    }

    @Test
    void theAttentionRouteSendsTheKnownQueryParametersAndLimitAsANumberWhenItIsOne() throws IOException {
        String template = requestTemplate("/cases");
        assertThat(MappingTemplates.render(template, "", Map.of(), Map.of(), CONTEXT).json())
                .isEqualTo(MappingTemplates.JSON.createObjectNode());
        Map<String, String> query = new LinkedHashMap<>();
        query.put("attention", "2026-11-27");
        query.put("marketplace", "FR");
        query.put("status", "OPEN");
        query.put("next", "MXwyMDI2LTExLTI3");
        query.put("language", "en");
        query.put("limit", "25");
        query.put("unknown", "dropped");
        JsonNode all = MappingTemplates.render(template, "", Map.of(), query, CONTEXT).json();
        assertThat(all).isEqualTo(MappingTemplates.JSON.readTree("{\"attention\":\"2026-11-27\",\"marketplace\":\"FR\","
                + "\"status\":\"OPEN\",\"next\":\"MXwyMDI2LTExLTI3\",\"language\":\"en\",\"limit\":25}"));
        for (String limit : List.of("0", "100", "999999999")) {
            assertThat(MappingTemplates.render(template, "", Map.of(), Map.of("limit", limit), CONTEXT).json().path("limit").isInt())
                    .as(limit).isTrue();
        }
        for (String limit : List.of("007", "ten", "1e3", "-1", "1234567890", "1\"}", "")) {
            JsonNode json = MappingTemplates.render(template, "", Map.of(), Map.of("limit", limit), CONTEXT).json();
            assertThat(json.path("limit").isTextual()).as(limit).isTrue();
            assertThat(json.path("limit").asText()).isEqualTo(limit);
        }
        String odd = "l'été \"x\" \\ 😀 $context.requestId";
        JsonNode quoted = MappingTemplates.render(template, "", Map.of(), Map.of("status", odd, "next", odd), CONTEXT).json();
        assertThat(quoted.path("status").asText()).isEqualTo(odd);
        assertThat(quoted.path("next").asText()).isEqualTo(odd);
    }

    // ---------------------------------------------------------------- gateway responses and the access log

    @Test
    void gatewayResponsesQuoteTheirStatusesAndRenderJson() throws IOException {
        Map<String, Object> gatewayResponses = gatewayResponses();
        assertThat(gatewayResponses).containsKeys("BAD_REQUEST_BODY", "DEFAULT_4XX", "DEFAULT_5XX", "INTEGRATION_FAILURE",
                "INTEGRATION_TIMEOUT");
        for (Map.Entry<String, Object> entry : gatewayResponses.entrySet()) {
            Map<String, Object> response = asMap(entry.getValue());
            if (response.containsKey("statusCode")) {
                assertThat(response.get("statusCode")).as(entry.getKey() + " statusCode, a string").isInstanceOf(String.class);
            }
            Map<String, Object> context = new LinkedHashMap<>(CONTEXT);
            context.put("error", Map.of("responseType", entry.getKey(), "message", "Invalid request body",
                    "messageString", MappingTemplates.JSON.writeValueAsString("Invalid \"request\" body: \\ l'été\n")));
            String template = (String) map(response, "responseTemplates").get("application/json");
            MappingTemplates.Rendered rendered = MappingTemplates.render(template, "", Map.of(), context);
            assertThat(fieldNames(rendered.json())).as(entry.getKey()).startsWith("code", "field", "message");
        }
    }

    @Test
    void lambdaThrottlingOrAFailedStartIsA503WithRetryAfterAndAnIntegrationTimeoutA504() {
        Map<String, Object> failure = map(gatewayResponses(), "INTEGRATION_FAILURE");
        assertThat(failure).containsEntry("statusCode", "503");
        assertThat(map(failure, "responseParameters")).containsEntry("gatewayresponse.header.Retry-After", "'1'");
        MappingTemplates.Rendered rendered = MappingTemplates.render(
                (String) map(failure, "responseTemplates").get("application/json"), "", Map.of(), CONTEXT);
        assertThat(rendered.json().path("requestId").asText()).isEqualTo(EXTENDED_REQUEST_ID);

        Map<String, Object> timeout = map(gatewayResponses(), "INTEGRATION_TIMEOUT");
        assertThat(timeout).containsEntry("statusCode", "504");
        assertThat(MappingTemplates.render((String) map(timeout, "responseTemplates").get("application/json"), "", Map.of(), CONTEXT)
                .json().path("code").asText()).isEqualTo("TIMEOUT");
    }

    @Test
    void theAccessLogIsJsonAndLinksTheApiAndLambdaRequestIds() throws IOException {
        String format = (String) map(map(map(resources, "ClaimApi"), "Properties"), "AccessLogSetting").get("Format");
        assertThat(format).contains("\"extendedRequestId\":\"$context.extendedRequestId\"")
                .contains("\"lambdaRequestId\":\"$context.awsEndpointRequestId\"")
                .contains("\"error\":$context.error.messageString")
                .doesNotContain("\"$context.error.message\"");
        Map<String, Object> context = new LinkedHashMap<>(CONTEXT);
        context.put("identity", Map.of("sourceIp", "203.0.113.7", "caller", "-", "apiKeyId", "-"));
        context.put("integration", Map.of("status", "200", "latency", "35"));
        context.put("error", Map.of("responseType", "BAD_REQUEST_BODY", "message", "x",
                "messageString", MappingTemplates.JSON.writeValueAsString("Invalid request body: \"amount\" \\ é\n")));
        context.putAll(Map.of("requestTime", "27/Nov/2026:12:00:00 +0000", "httpMethod", "POST",
                "resourcePath", "/cases/{orderId}/refunds", "status", "400", "responseLength", "80"));
        JsonNode line = MappingTemplates.render(format, "", Map.of(), context).json();
        assertThat(line.path("extendedRequestId").asText()).isEqualTo(EXTENDED_REQUEST_ID);
        assertThat(line.path("lambdaRequestId").asText()).isEqualTo(LAMBDA_REQUEST_ID);
        assertThat(line.path("error").asText()).isEqualTo("Invalid request body: \"amount\" \\ é\n");
    }

    // ---------------------------------------------------------------- alarms and the sweep's failures

    @Test
    void aSweepThatFailsAfterLambdasRetriesGoesToTheSweepQueueAndRaisesAnAlarm() {
        Map<String, Object> invokeConfig = map(map(map(resources, "FlagLateArrival"), "Properties"), "EventInvokeConfig");
        assertThat(invokeConfig).containsKey("MaximumRetryAttempts");
        Object queueArn = Map.of("Fn::GetAtt", List.of("SweepDeadLetterQueue", "Arn"));
        assertThat(map(map(invokeConfig, "DestinationConfig"), "OnFailure"))
                .isEqualTo(Map.of("Type", "SQS", "Destination", queueArn));
        assertThat(statementsOf("FlagLateArrivalRole")).as("the function's role may send to its OnFailure queue")
                .anySatisfy(statement -> {
                    assertThat(strings(statement.get("Action"))).containsExactly("sqs:SendMessage");
                    assertThat(statement.get("Resource")).isEqualTo(queueArn);
                });
        assertThat(alarms()).anySatisfy(alarm -> {
            assertThat(alarm).containsEntry("Namespace", "AWS/Lambda").containsEntry("MetricName", "AsyncEventsDropped");
            assertThat(maps(alarm.get("Dimensions"))).containsExactly(Map.of("Name", "FunctionName", "Value", Map.of("Ref", "FlagLateArrival")));
        });
        assertThat(alarms()).anySatisfy(alarm -> assertThat(alarm)
                .containsEntry("MetricName", "ApproximateNumberOfMessagesVisible")
                .containsEntry("Dimensions", List.of(Map.of("Name", "QueueName",
                        "Value", Map.of("Fn::GetAtt", List.of("SweepDeadLetterQueue", "QueueName"))))));
    }

    @Test
    void everyFunctionHasAnErrorsAlarmAndTheStageA5xxAlarm() {
        for (String function : exportsByFunction().keySet()) {
            assertThat(alarms()).as(function).anySatisfy(alarm -> assertThat(alarm).containsEntry("MetricName", "Errors")
                    .containsEntry("Dimensions", List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", function)))));
        }
        Object apiName = map(map(map(map(resources, "ClaimApi"), "Properties"), "DefinitionBody"), "info").get("title");
        assertThat(alarms()).anySatisfy(alarm -> {
            assertThat(alarm).containsEntry("Namespace", "AWS/ApiGateway").containsEntry("MetricName", "5XXError");
            assertThat(maps(alarm.get("Dimensions"))).containsExactlyInAnyOrder(
                    Map.of("Name", "ApiName", "Value", apiName), Map.of("Name", "Stage", "Value", Map.of("Ref", "ClaimApi.Stage")));
        });
    }

    // ---------------------------------------------------------------- IAM

    @Test
    void eachRoleGrantsExactlyTheTableActionsOfItsFunction() {
        exportsByFunction().forEach((function, export) -> {
            assertThat(CaseTable.ACTIONS_BY_FUNCTION).as(function).containsKey(export);
            List<Map<String, Object>> statements = statementsOf(roleOf(function));
            Set<String> dynamoActions = new TreeSet<>();
            for (Map<String, Object> statement : statements) {
                List<String> actions = strings(statement.get("Action"));
                actions.stream().filter(a -> a.startsWith("dynamodb:")).forEach(dynamoActions::add);
                if (actions.contains("dynamodb:Query")) {
                    assertThat(actions).as(function + ": Query sits alone, on the index").containsExactly("dynamodb:Query");
                    assertThat(statement.get("Resource"))
                            .isEqualTo(Map.of("Fn::Sub", "${CaseTable.Arn}/index/" + CaseTable.DUE_INDEX));
                } else if (actions.stream().anyMatch(a -> a.startsWith("dynamodb:"))) {
                    assertThat(statement.get("Resource")).as(function).isEqualTo(Map.of("Fn::GetAtt", List.of("CaseTable", "Arn")));
                }
            }
            assertThat(dynamoActions).as(function).isEqualTo(new TreeSet<>(CaseTable.ACTIONS_BY_FUNCTION.get(export)));
        });
    }

    @Test
    void noStatementGrantsEveryActionAndOnlyXrayUsesAnyResource() {
        List<Map<String, Object>> statements = new ArrayList<>();
        collectStatements(resources, statements);
        assertThat(statements).isNotEmpty();
        for (Map<String, Object> statement : statements) {
            List<String> actions = strings(statement.get("Action"));
            assertThat(actions).noneMatch(a -> a.equals("*") || a.endsWith(":*"));
            if ("*".equals(statement.get("Resource"))) {
                assertThat(actions).as("actions on Resource \"*\"").allMatch(a -> a.startsWith("xray:"));
            }
        }
    }

    // ---------------------------------------------------------------- events out

    private static final Object BUS_ARN = Map.of("Fn::If", List.of("CreateEventBus", Map.of("Fn::GetAtt", List.of("CaseEventBus", "Arn")),
            Map.of("Fn::Sub", "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default")));
    private static final Object BUS_NAME = Map.of("Fn::If", List.of("CreateEventBus", Map.of("Ref", "CaseEventBus"), "default"));

    @Test
    void theFunctionsThatRecordChangesMayPutEventsOnTheBusAndNoOtherMay() {
        exportsByFunction().forEach((function, export) -> {
            List<Map<String, Object>> eventStatements = statementsOf(roleOf(function)).stream()
                    .filter(statement -> strings(statement.get("Action")).stream().anyMatch(a -> a.startsWith("events:")))
                    .toList();
            Map<String, Object> variables = map(map(effectiveFunctionProperties(function), "Environment"), "Variables");
            if (CaseTable.PUBLISHERS.contains(export)) {
                assertThat(eventStatements).as(function).singleElement().satisfies(statement -> {
                    assertThat(strings(statement.get("Action"))).containsExactly("events:PutEvents");
                    assertThat(statement.get("Resource")).isEqualTo(BUS_ARN);
                });
                assertThat(variables).as(function).containsEntry("CLAIMDESK_EVENTS_BUS_NAME", BUS_NAME);
            } else {
                assertThat(eventStatements).as(function + " publishes nothing").isEmpty();
                assertThat(variables).as(function).doesNotContainKey("CLAIMDESK_EVENTS_BUS_NAME");
            }
        });
    }

    @Test
    void theBusIsTheDefaultOneUnlessTheStackIsAskedToCreateOne() {
        Map<String, Object> parameter = map(map(template, "Parameters"), "EventBus");
        assertThat(parameter).containsEntry("Default", "default").containsEntry("AllowedValues", List.of("default", "create"));
        assertThat(map(map(template, "Conditions"), "CreateEventBus"))
                .isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "EventBus"), "create")));
        assertThat(map(resources, "CaseEventBus")).containsEntry("Type", "AWS::Events::EventBus").containsEntry("Condition", "CreateEventBus");
    }

    @Test
    void theSampleAttentionRuleIsDisabledByDefaultAndSendsTheNeedsAttentionEventsToATopic() {
        assertThat(map(map(template, "Parameters"), "AttentionAlerts")).containsEntry("Default", "DISABLED");
        Map<String, Object> rule = map(map(resources, "AttentionRule"), "Properties");
        assertThat(rule).containsEntry("State", Map.of("Ref", "AttentionAlerts")).containsEntry("EventBusName", BUS_NAME);
        Map<String, Object> pattern = map(rule, "EventPattern");
        assertThat(pattern.keySet()).containsExactlyInAnyOrder("source", "detail-type");
        assertThat(pattern.get("source")).isEqualTo(List.of(io.claimdesk.policy.Announcement.SOURCE));
        assertThat(strings(pattern.get("detail-type"))).containsExactlyInAnyOrderElementsOf(
                io.claimdesk.policy.Announcement.NEEDS_ATTENTION.stream().map(io.claimdesk.policy.Announcement::detailType)
                        .map(java.util.Optional::orElseThrow).toList());
        Map<String, Object> target = maps(rule.get("Targets")).get(0);
        assertThat(target.get("Arn")).isEqualTo(Map.of("Ref", "AttentionTopic"));
        assertThat(map(resources, "AttentionTopic")).containsEntry("Type", "AWS::SNS::Topic");
        Map<String, Object> topicStatement = maps(map(map(map(resources, "AttentionTopicPolicy"), "Properties"),
                "PolicyDocument").get("Statement")).get(0);
        assertThat(topicStatement).containsEntry("Principal", Map.of("Service", "events.amazonaws.com"))
                .containsEntry("Action", "sns:Publish")
                .containsEntry("Condition", Map.of("ArnEquals", Map.of("aws:SourceArn", Map.of("Fn::GetAtt", List.of("AttentionRule", "Arn")))));
        assertThat(map(map(resources, "AttentionSubscription"), "Properties")).containsEntry("Protocol", "email")
                .containsEntry("Endpoint", Map.of("Ref", "AttentionEmail"));
        assertThat(map(resources, "AttentionSubscription")).containsEntry("Condition", "HasAttentionEmail");
    }

    // ---------------------------------------------------------------- table

    @Test
    void tableDeclaresTheKeysAndIndexOfCaseTable() {
        CreateTableRequest expected = CaseTable.createTableRequest("x");
        Map<String, Object> table = map(map(resources, "CaseTable"), "Properties");

        assertThat(table).containsEntry("BillingMode", expected.billingModeAsString());
        assertThat(attributeTypes(table)).isEqualTo(expected.attributeDefinitions().stream()
                .collect(Collectors.toMap(AttributeDefinition::attributeName, AttributeDefinition::attributeTypeAsString)));
        assertThat(keySchema(table.get("KeySchema"))).isEqualTo(keySchema(expected.keySchema()));

        List<Map<String, Object>> indexes = maps(table.get("GlobalSecondaryIndexes"));
        assertThat(indexes).hasSameSizeAs(expected.globalSecondaryIndexes());
        GlobalSecondaryIndex expectedIndex = expected.globalSecondaryIndexes().get(0);
        Map<String, Object> index = indexes.get(0);
        assertThat(index).containsEntry("IndexName", expectedIndex.indexName());
        assertThat(keySchema(index.get("KeySchema"))).isEqualTo(keySchema(expectedIndex.keySchema()));
        assertThat(map(index, "Projection"))
                .isEqualTo(Map.of("ProjectionType", expectedIndex.projection().projectionTypeAsString()));
    }

    @Test
    void tableIsEncryptedRecoverableProtectedAndExpiresClosedCases() {
        Map<String, Object> resource = map(resources, "CaseTable");
        Map<String, Object> table = map(resource, "Properties");
        assertThat(resource).containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
        assertThat(table).containsEntry("DeletionProtectionEnabled", true)
                .containsEntry("SSESpecification", Map.of("SSEEnabled", true))
                .containsEntry("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))
                .containsEntry("TimeToLiveSpecification", Map.of("AttributeName", CaseTable.TTL_ATTRIBUTE, "Enabled", true));
    }

    // ---------------------------------------------------------------- schedule

    @Test
    void sweepRuleSendsTheScheduledEventToTheAliasWithRetriesAndADeadLetterQueue() {
        Map<String, Object> rule = map(map(resources, "SweepRule"), "Properties");
        assertThat(rule).containsKey("ScheduleExpression");
        List<Map<String, Object>> targets = maps(rule.get("Targets"));
        assertThat(targets).hasSize(1);
        Map<String, Object> target = targets.get(0);
        assertThat(target.get("Arn")).isEqualTo(Map.of("Ref", "FlagLateArrival.Alias"));
        assertThat(target).as("no Input: the function gets the standard Scheduled Event")
                .doesNotContainKeys("Input", "InputPath", "InputTransformer");
        assertThat(map(target, "RetryPolicy")).containsKeys("MaximumRetryAttempts", "MaximumEventAgeInSeconds");
        Map<String, Object> deadLetter = map(target, "DeadLetterConfig");
        assertThat(deadLetter.get("Arn")).isEqualTo(Map.of("Fn::GetAtt", List.of("SweepDeadLetterQueue", "Arn")));
        assertThat(map(resources, "SweepDeadLetterQueue")).containsEntry("Type", "AWS::SQS::Queue");

        Map<String, Object> queueStatement = maps(map(map(map(resources, "SweepDeadLetterQueuePolicy"), "Properties"),
                "PolicyDocument").get("Statement")).get(0);
        assertThat(queueStatement).containsEntry("Principal", Map.of("Service", "events.amazonaws.com"))
                .containsEntry("Condition", Map.of("ArnEquals",
                        Map.of("aws:SourceArn", Map.of("Fn::GetAtt", List.of("SweepRule", "Arn")))));
        assertThat(map(map(resources, "SweepPermission"), "Properties"))
                .containsEntry("Principal", "events.amazonaws.com")
                .containsEntry("FunctionName", Map.of("Ref", "FlagLateArrival.Alias"));
    }

    // ---------------------------------------------------------------- API Gateway's choice of integration response

    /**
     * API Gateway matches each selection pattern in full against a failed invocation's errorMessage (an empty
     * string when the function succeeded) and uses the default response when none matches. The patterns here must
     * be disjoint, so whichever match API Gateway would prefer among several, the status is the same.
     */
    private static String selectStatus(Map<String, Object> responses, String errorMessage) {
        return (String) map(responses, selectPattern(responses, errorMessage)).get("statusCode");
    }

    /** The one pattern that selects the integration response for a failed invocation's errorMessage, or "default". */
    private static String selectPattern(Map<String, Object> responses, String errorMessage) {
        List<String> matching = responses.keySet().stream()
                .filter(pattern -> !pattern.equals("default"))
                .filter(pattern -> Pattern.compile(pattern).matcher(errorMessage).matches())
                .toList();
        assertThat(matching).as("patterns matching %s", errorMessage).hasSizeLessThanOrEqualTo(1);
        return matching.isEmpty() ? "default" : matching.get(0);
    }

    private static String responseTemplate(Map<String, Object> responses, String pattern) {
        return (String) map(map(responses, pattern), "responseTemplates").get("application/json");
    }

    /** The default (successful invocation) response of a route, rendered for the function's answer. */
    private static MappingTemplates.Rendered renderAnswer(String path, String answer) {
        return MappingTemplates.render(responseTemplate(responses(path), "default"), answer, Map.of(), CONTEXT);
    }

    /** A refused call's answer, as the functions write it (io.claimdesk.functions.Views). */
    private static String refusalAnswer(int status, String code, String field, String message) throws IOException {
        return MappingTemplates.JSON.writeValueAsString(
                new Views.Answer<>(null, new Views.Refused(new Views.RefusalView(status, code, field, message))));
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, Object> gatewayResponses() {
        return map(map(map(map(resources, "ClaimApi"), "Properties"), "DefinitionBody"), "x-amazon-apigateway-gateway-responses");
    }

    private static List<Map<String, Object>> alarms() {
        return resources.values().stream().map(TemplateTest::asMap)
                .filter(resource -> "AWS::CloudWatch::Alarm".equals(resource.get("Type")))
                .map(resource -> map(resource, "Properties"))
                .toList();
    }

    // ---------------------------------------------------------------- template navigation

    private static Map<String, String> exportsByFunction() {
        Map<String, String> exports = new LinkedHashMap<>();
        resources.forEach((name, resource) -> {
            if ("AWS::Serverless::Function".equals(((Map<?, ?>) resource).get("Type"))) {
                exports.put(name, (String) map(map(effectiveFunctionProperties(name), "Environment"), "Variables")
                        .get("QUARKUS_FUNQY_EXPORT"));
            }
        });
        return exports;
    }

    /** The function's properties over Globals.Function, as SAM merges them (maps merge, the function wins). */
    private static Map<String, Object> effectiveFunctionProperties(String function) {
        Map<String, Object> merged = new LinkedHashMap<>(map(map(template, "Globals"), "Function"));
        map(map(resources, function), "Properties").forEach((key, value) -> merged.merge(key, value, TemplateTest::mergeMaps));
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Object mergeMaps(Object global, Object local) {
        if (global instanceof Map<?, ?> g && local instanceof Map<?, ?> l) {
            Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) g);
            ((Map<String, Object>) l).forEach((key, value) -> merged.merge(key, value, TemplateTest::mergeMaps));
            return merged;
        }
        return local;
    }

    private static String funqName(Method method) {
        String value = method.getAnnotation(Funq.class).value();
        return value.isEmpty() ? method.getName() : value;
    }

    private static Map<String, Object> paths() {
        return map(map(map(map(resources, "ClaimApi"), "Properties"), "DefinitionBody"), "paths");
    }

    private static Map<String, Object> integration(String path) {
        return map(map(map(paths(), path), ROUTES.get(path).method()), "x-amazon-apigateway-integration");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> responses(String path) {
        return (Map<String, Object>) CfnYaml.resolveFindInMap(map(integration(path), "responses"), template);
    }

    private static String requestTemplate(String path) {
        Object templates = CfnYaml.resolveFindInMap(map(integration(path), "requestTemplates"), template);
        return (String) ((Map<?, ?>) templates).get("application/json");
    }

    private static String aliasTarget(Map<String, Object> integration) {
        Matcher matcher = ALIAS_URI.matcher((String) map(integration, "uri").get("Fn::Sub"));
        assertThat(matcher.find()).as("integration uri invokes a function alias").isTrue();
        return matcher.group(1);
    }

    private static List<String> apiPermissionSourceArns(String function) {
        List<String> arns = resources.values().stream()
                .map(resource -> (Map<?, ?>) resource)
                .filter(resource -> "AWS::Lambda::Permission".equals(resource.get("Type")))
                .map(resource -> (Map<?, ?>) resource.get("Properties"))
                .filter(p -> "apigateway.amazonaws.com".equals(p.get("Principal")))
                .filter(p -> Map.of("Ref", function + ".Alias").equals(p.get("FunctionName")))
                .map(p -> (String) ((Map<?, ?>) p.get("SourceArn")).get("Fn::Sub"))
                .toList();
        assertThat(arns).as("API Gateway permissions on " + function + "'s alias").isNotEmpty();
        return arns;
    }

    private static String roleOf(String function) {
        Object role = map(map(resources, function), "Properties").get("Role");
        assertThat(role).as(function + " has its own role").isInstanceOf(Map.class);
        return ((List<?>) ((Map<?, ?>) role).get("Fn::GetAtt")).get(0).toString();
    }

    private static List<Map<String, Object>> statementsOf(String role) {
        List<Map<String, Object>> statements = new ArrayList<>();
        collectStatements(map(map(resources, role), "Properties").get("Policies"), statements);
        return statements;
    }

    /** Every IAM statement under {@code node}, including both branches of an Fn::If. */
    private static void collectStatements(Object node, List<Map<String, Object>> statements) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("Statement") instanceof List<?> list) {
                list.forEach(statement -> statements.add(asMap(statement)));
            }
            map.values().forEach(value -> collectStatements(value, statements));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectStatements(value, statements));
        }
    }

    private static Map<String, String> attributeTypes(Map<String, Object> table) {
        return maps(table.get("AttributeDefinitions")).stream()
                .collect(Collectors.toMap(a -> (String) a.get("AttributeName"), a -> (String) a.get("AttributeType")));
    }

    private static List<String> keySchema(Object keySchema) {
        if (keySchema instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof KeySchemaElement) {
            return list.stream().map(k -> (KeySchemaElement) k).map(k -> k.attributeName() + " " + k.keyTypeAsString()).toList();
        }
        return maps(keySchema).stream().map(k -> k.get("AttributeName") + " " + k.get("KeyType")).toList();
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as("map at %s", key).isInstanceOf(Map.class);
        return asMap(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<Map<String, Object>> maps(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(TemplateTest::asMap).toList();
    }
}
