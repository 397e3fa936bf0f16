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

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.claimdesk.cases.CaseTable;
import io.quarkus.funqy.Funq;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/** Checks infra/template.yaml against the code's contracts: exports, routes, error mapping, IAM, table. */
class TemplateTest {

    private static final Path TEMPLATE = Path.of("infra", "template.yaml");
    private static final String FUNCTIONS_PACKAGE = "io.claimdesk.functions";
    private static final String FUNCTIONS_CLASS = FUNCTIONS_PACKAGE + ".ClaimFunctions";
    private static final Map<String, String> ROUTES = Map.of(
            "/claims/evaluate", CaseTable.EVALUATE_CLAIM,
            "/cases/{orderId}/refunds", CaseTable.RECORD_REFUND,
            "/cases/{orderId}/arrivals", CaseTable.FLAG_LATE_ARRIVAL);
    private static final Pattern ALIAS_URI = Pattern.compile("functions/\\$\\{(\\w+)\\.Alias}/invocations$");

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
                .containsExactlyInAnyOrder(CaseTable.EVALUATE_CLAIM, CaseTable.RECORD_REFUND, CaseTable.FLAG_LATE_ARRIVAL);
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
                assertSameFields(name, asMap(schema), Class.forName(className));
            } catch (ClassNotFoundException e) {
                fail(className + " is not on the classpath: request model " + name + " has nothing to be checked against");
            }
        });
    }

    /** A model must name the record's components, no more (unknown keys are refused) and no fewer. */
    private static void assertSameFields(String where, Map<String, Object> schema, Class<?> type) {
        assertThat(type.isRecord()).as("%s is a record", type.getName()).isTrue();
        assertThat(schema).as(where).containsEntry("additionalProperties", false);
        Map<String, Object> properties = map(schema, "properties");
        assertThat(properties.keySet()).as(where).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
        for (RecordComponent component : type.getRecordComponents()) {
            Map<String, Object> property = map(properties, component.getName());
            if (property.containsKey("properties")) {
                assertSameFields(where + "." + component.getName(), property, component.getType());
            }
        }
    }

    // ---------------------------------------------------------------- API

    @Test
    void routesPostToTheFunctionOfTheSameName() {
        Map<String, Object> paths = paths();
        assertThat(paths.keySet()).containsExactlyInAnyOrderElementsOf(ROUTES.keySet());
        ROUTES.forEach((path, export) -> {
            Map<String, Object> methods = map(paths, path);
            assertThat(methods.keySet()).as(path).containsExactly("post");
            Map<String, Object> integration = integration(path);
            assertThat(integration).as(path).containsEntry("type", "aws").containsEntry("httpMethod", "POST");
            String function = aliasTarget(integration);
            assertThat(exportsByFunction()).as(path).containsEntry(function, export);
            assertThat(apiPermissionSourceArn(function)).as(path)
                    .endsWith("${ClaimApi}/*/POST" + path.replace("{orderId}", "*"));
        });
    }

    @Test
    void caseRoutesMergeThePathOrderIdIntoTheBody() {
        assertThat(requestTemplate("/claims/evaluate")).isEqualTo("$input.json('$')");
        for (String path : List.of("/cases/{orderId}/refunds", "/cases/{orderId}/arrivals")) {
            assertThat(requestTemplate(path))
                    .contains("\"orderId\":\"$util.escapeJavaScript($input.params().path.get('orderId'))")
                    .contains("#foreach($key in $body.keySet())")
                    .contains("#if($key != \"orderId\")")
                    .contains("$input.json(\"$['$key']\")");
        }
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
        assertThat(patternsByStatus).containsOnlyKeys("200", "400", "404", "409", "422", "500", "503");
        assertThat(patternsByStatus.get("200")).containsExactly("default");
        assertThat(patternsByStatus.get("400")).hasSize(2);
        List.of("404", "409", "422", "500", "503").forEach(status -> assertThat(patternsByStatus.get(status)).hasSize(1));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "io.claimdesk.functions.FunctionError: [400] VALIDATION_FAILED orderDate: must be an ISO date | 400",
        "io.claimdesk.functions.FunctionError: [400] VALIDATION_FAILED shipment.carrier: too long\\nsecond line | 400",
        "Could not deserialize the provided message. | 400",
        "io.claimdesk.functions.FunctionError: [404] CASE_NOT_FOUND orderId: no case for 171-5550123-7654321 | 404",
        "io.claimdesk.functions.FunctionError: [409] REFUND_ID_CONFLICT refundId: rf-0001 was recorded with other values | 409",
        "io.claimdesk.functions.FunctionError: [422] REFUND_EXCEEDS_REMAINING amount: 80.00 EUR is more than the 39.90 EUR left | 422",
        "io.claimdesk.functions.FunctionError: [422] INVALID_TRANSITION -: the case is closed | 422",
        "io.claimdesk.functions.FunctionError: [503] STORE_UNAVAILABLE -: DynamoDB throttled the request | 503",
        "java.lang.RuntimeException: boom | 500",
        "java.lang.IllegalStateException: upstream answered [404] Not Found | 500",
        "java.lang.NullPointerException: first line\\n\\tat somewhere | 500",
        "Task timed out after 20.00 seconds | 500",
    })
    void apiGatewaySelectsTheContractStatus(String errorMessage, String expectedStatus) {
        String message = errorMessage.replace("\\n", "\n").replace("\\t", "\t");
        for (String path : ROUTES.keySet()) {
            assertThat(selectStatus(responses(path), message)).as(path).isEqualTo(expectedStatus);
        }
    }

    @Test
    void aSuccessfulInvocationUsesTheDefaultResponse() {
        // A successful invocation has no error header: patterns are matched against "", so none may accept it.
        for (String path : ROUTES.keySet()) {
            assertThat(selectStatus(responses(path), "")).as(path).isEqualTo("200");
        }
    }

    @Test
    void faultTemplateReadsCodeFieldAndMessageFromTheContractFormat() {
        String fault = (String) CfnYaml.resolveFindInMap(Map.of("Fn::FindInMap", List.of("Vtl", "Response", "Fault")), template);
        Matcher set = Pattern.compile("#set\\(\\$format = '([^']*)'\\)").matcher(fault);
        assertThat(set.find()).as("the Fault template declares its $format regex").isTrue();
        Pattern format = Pattern.compile(set.group(1));

        Matcher refusal = format.matcher(
                "io.claimdesk.functions.FunctionError: [422] REFUND_EXCEEDS_REMAINING amount: 80.00 EUR: too much");
        assertThat(refusal.matches()).isTrue();
        assertThat(List.of(refusal.group(1), refusal.group(2), refusal.group(3)))
                .containsExactly("REFUND_EXCEEDS_REMAINING", "amount", "80.00 EUR: too much");
        Matcher noField = format.matcher("io.claimdesk.functions.FunctionError: [503] STORE_UNAVAILABLE -: retry\nlater");
        assertThat(noField.matches()).isTrue();
        assertThat(noField.group(2)).isEqualTo("-");
        assertThat(noField.group(3)).isEqualTo("retry\nlater");
        assertThat(fault).contains("#if($field == \"-\")null");
    }

    @Test
    void internalErrorsNeverEchoTheErrorMessage() {
        Map<String, Object> responses = responses("/claims/evaluate");
        responses.forEach((pattern, response) -> {
            if ("500".equals(map(responses, pattern).get("statusCode"))) {
                assertThat(map(map(responses, pattern), "responseTemplates").get("application/json").toString())
                        .doesNotContain("errorMessage").doesNotContain("stackTrace");
            }
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
        List<String> matching = responses.keySet().stream()
                .filter(pattern -> !pattern.equals("default"))
                .filter(pattern -> Pattern.compile(pattern).matcher(errorMessage).matches())
                .toList();
        assertThat(matching).as("patterns matching %s", errorMessage).hasSizeLessThanOrEqualTo(1);
        return (String) map(responses, matching.isEmpty() ? "default" : matching.get(0)).get("statusCode");
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
        return map(map(map(paths(), path), "post"), "x-amazon-apigateway-integration");
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

    private static String apiPermissionSourceArn(String function) {
        return resources.values().stream()
                .map(resource -> (Map<?, ?>) resource)
                .filter(resource -> "AWS::Lambda::Permission".equals(resource.get("Type")))
                .map(resource -> (Map<?, ?>) resource.get("Properties"))
                .filter(p -> "apigateway.amazonaws.com".equals(p.get("Principal")))
                .filter(p -> Map.of("Ref", function + ".Alias").equals(p.get("FunctionName")))
                .map(p -> (String) ((Map<?, ?>) p.get("SourceArn")).get("Fn::Sub"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no API Gateway permission on " + function + "'s alias"));
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
