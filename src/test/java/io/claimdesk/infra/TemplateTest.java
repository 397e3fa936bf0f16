package io.claimdesk.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimdesk.cases.CaseTable;
import io.claimdesk.functions.ClaimFunctions;
import io.claimdesk.functions.FunctionError;
import io.claimdesk.functions.Route;
import io.quarkus.funqy.Funq;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * Checks infra/template.yaml, as CloudFormation deploys it ({@link DeployedTemplate}), against the code's contracts:
 * one export per function, the route table ({@link Route#ALL}) on both APIs, each route's authorizer, IAM per function,
 * alarms, table, schedule and events.
 */
class TemplateTest {

    /** Each API, and the authorizer its every route must carry. */
    private static final Map<String, String> SCHEME_BY_API = Map.of("DeskApi", "DeskUsers", "MachineApi", "AWS_IAM");
    private static final Pattern ALIAS_URI = Pattern.compile("functions/\\$\\{(\\w+)Aliaslive}/invocations$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Object> template;
    private static Map<String, Object> resources;
    /** As written, before the transforms: for what SAM's Globals say and CloudFormation keeps as parameters. */
    private static Map<String, Object> written;

    @BeforeAll
    static void load() throws IOException, InterruptedException {
        template = DeployedTemplate.load();
        resources = map(template, "Resources");
        written = CfnYaml.load(DeployedTemplate.TEMPLATE);
    }

    // ---------------------------------------------------------------- functions

    @Test
    void deploysOneFunctionPerExportFromTheSharedZip() {
        assertThat(exportsByFunction().values()).containsExactlyInAnyOrderElementsOf(CaseTable.ACTIONS_BY_FUNCTION.keySet());
        assertThat(map(map(written, "Globals"), "Function")).containsEntry("CodeUri", "../target/function.zip");
        for (String function : exportsByFunction().keySet()) {
            Map<String, Object> properties = properties(function);
            assertThat(properties).containsEntry("Handler", "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest")
                    .containsEntry("Runtime", "java21")
                    .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
            assertThat(resources).as(function + " is called through its alias").containsKey(function + "Aliaslive");
            assertThat(map(map(properties, "Environment"), "Variables"))
                    .containsEntry("CLAIMDESK_TABLE_NAME", Map.of("Ref", "CaseTable"))
                    .containsEntry("CLAIMDESK_CLAIM_RESPONSE_HOURS", Map.of("Ref", "ClaimResponseHours"));
        }
    }

    @Test
    void theClaimResponseHoursDefaultToTheShorterOfAmazonsFiguresAsTheCodeDoes() throws NoSuchMethodException {
        Map<String, Object> parameter = map(map(template, "Parameters"), "ClaimResponseHours");
        String configDefault = io.claimdesk.ClaimDeskConfig.class.getMethod("claimResponseHours")
                .getAnnotation(io.smallrye.config.WithDefault.class).value();
        assertThat(String.valueOf(parameter.get("Default"))).isEqualTo(String.valueOf(io.claimdesk.policy.Claim.DEFAULT_RESPONSE_HOURS))
                .isEqualTo(configDefault);
        // The range CaseService checks at start.
        assertThat(String.valueOf(parameter.get("MinValue"))).isEqualTo("1");
        assertThat(String.valueOf(parameter.get("MaxValue"))).isEqualTo("168");
    }

    @Test
    void everyExportNamesAFunqMethodOfClaimFunctions() {
        Set<String> funqNames = Arrays.stream(ClaimFunctions.class.getMethods())
                .filter(method -> method.isAnnotationPresent(Funq.class))
                .map(TemplateTest::funqName)
                .collect(Collectors.toSet());
        assertThat(funqNames).containsAll(exportsByFunction().values());
    }

    // ---------------------------------------------------------------- the API

    @Test
    void bothApisServeExactlyTheRouteTableEachRouteThroughItsFunctionsAlias() {
        Map<String, String> exports = exportsByFunction();
        Map<String, String> expected = Route.ALL.stream().collect(Collectors.toMap(Route::key, Route::function));
        Map<String, String> machine = new LinkedHashMap<>();
        operations("MachineApi").forEach((key, operation) -> {
            Map<String, Object> integration = map(operation, "x-amazon-apigateway-integration");
            assertThat(integration).as("MachineApi " + key).containsEntry("type", "aws_proxy")
                    .containsEntry("payloadFormatVersion", "2.0");
            Matcher alias = ALIAS_URI.matcher((String) map(integration, "uri").get("Fn::Sub"));
            assertThat(alias.find()).as("MachineApi " + key + " invokes a function's alias").isTrue();
            machine.put(key, exports.get(alias.group(1)));
        });
        assertThat(machine).as("MachineApi").isEqualTo(expected);

        Map<String, String> desk = new LinkedHashMap<>();
        deskRoutes().forEach((key, route) -> {
            String target = (String) map(route, "Target").get("Fn::Sub");
            Matcher integrationId = Pattern.compile("^integrations/\\$\\{(\\w+)}$").matcher(target);
            assertThat(integrationId.find()).as("DeskApi " + key + " targets an integration").isTrue();
            Map<String, Object> integration = properties(integrationId.group(1));
            assertThat(integration).as("DeskApi " + key).containsEntry("IntegrationType", "AWS_PROXY")
                    .containsEntry("PayloadFormatVersion", "2.0").containsEntry("ApiId", Map.of("Ref", "DeskApi"));
            String alias = (String) map(integration, "IntegrationUri").get("Ref");
            assertThat(alias).as("DeskApi " + key + " invokes a function's alias").endsWith("Aliaslive");
            desk.put(key, exports.get(alias.replace("Aliaslive", "")));
        });
        assertThat(desk).as("DeskApi").isEqualTo(expected);
    }

    @Test
    void everyRouteHasAnAuthorizerTheDeskApisTheUserPoolAndTheMachineApisIam() {
        operations("MachineApi").forEach((key, operation) -> assertThat(operation.get("security"))
                .as("MachineApi " + key + " is not open").isEqualTo(List.of(Map.of("AWS_IAM", List.of()))));
        assertThat(map(securitySchemes("MachineApi"), "AWS_IAM")).containsEntry("x-amazon-apigateway-authtype", "awsSigv4");

        assertThat(deskRoutes()).isNotEmpty();
        for (Map<String, Object> route : ofType("AWS::ApiGatewayV2::Route").stream().map(r -> map(r, "Properties")).toList()) {
            assertThat(route).as(route.get("RouteKey") + " is not open").containsEntry("AuthorizationType", "JWT")
                    .containsEntry("AuthorizerId", Map.of("Ref", "DeskUsers"));
        }
        Map<String, Object> authorizer = properties("DeskUsers");
        assertThat(authorizer).containsEntry("AuthorizerType", "JWT").containsEntry("ApiId", Map.of("Ref", "DeskApi"))
                .containsEntry("IdentitySource", List.of("$request.header.Authorization"));
        assertThat(map(authorizer, "JwtConfiguration"))
                .containsEntry("Issuer", Map.of("Fn::Sub", "https://cognito-idp.${AWS::Region}.amazonaws.com/${DeskUserPool}"))
                .containsEntry("Audience", List.of(Map.of("Ref", "DeskPageClient")));
        // Every API of the stack is one of the two, and no route anywhere goes without an authorizer.
        assertThat(ofType("AWS::ApiGatewayV2::Api")).hasSize(2);
    }

    @Test
    void theUserPoolTakesNoSelfSignUpAndThePagesClientKeepsNoSecretAndTakesTheCodeFlowOnly() {
        assertThat(map(properties("DeskUserPool"), "AdminCreateUserConfig")).containsEntry("AllowAdminCreateUserOnly", true);
        Map<String, Object> client = properties("DeskPageClient");
        assertThat(client).containsEntry("GenerateSecret", false).containsEntry("UserPoolId", Map.of("Ref", "DeskUserPool"))
                .containsEntry("AllowedOAuthFlowsUserPoolClient", true)
                .containsEntry("AllowedOAuthFlows", List.of("code"))
                .containsEntry("ExplicitAuthFlows", List.of("ALLOW_REFRESH_TOKEN_AUTH"))
                .containsEntry("SupportedIdentityProviders", List.of("COGNITO"));
        assertThat(strings(client.get("AllowedOAuthScopes"))).contains("openid").doesNotContain("aws.cognito.signin.user.admin");
        Object pageOrigin = Map.of("Fn::Sub", "https://${PageDistribution.DomainName}/");
        assertThat(client).as("sign-in returns to the page's origin, and only there")
                .containsEntry("CallbackURLs", List.of(pageOrigin)).containsEntry("LogoutURLs", List.of(pageOrigin));
        assertThat(properties("DeskSignInDomain")).containsEntry("UserPoolId", Map.of("Ref", "DeskUserPool"));
    }

    @Test
    void theTwoGroupsAreTheOnesTheEdgeReads() {
        assertThat(ofType("AWS::Cognito::UserPoolGroup").stream().map(g -> map(g, "Properties"))
                .peek(g -> assertThat(g).containsEntry("UserPoolId", Map.of("Ref", "DeskUserPool")))
                .map(g -> g.get("GroupName")).toList())
                .containsExactlyInAnyOrder(io.claimdesk.functions.HttpEdge.READERS, io.claimdesk.functions.HttpEdge.RECORDERS);
    }

    @Test
    void thePagesBucketIsPrivateAndReadOnlyByTheDistributionThroughItsOriginAccessControl() {
        Map<String, Object> bucket = properties("PageBucket");
        assertThat(map(bucket, "PublicAccessBlockConfiguration")).isEqualTo(Map.of("BlockPublicAcls", true,
                "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
        assertThat(bucket).doesNotContainKeys("WebsiteConfiguration", "AccessControl", "CorsConfiguration");
        assertThat(maps(map(bucket, "OwnershipControls").get("Rules"))).containsExactly(Map.of("ObjectOwnership", "BucketOwnerEnforced"));

        List<Map<String, Object>> statements = maps(map(properties("PageBucketPolicy"), "PolicyDocument").get("Statement"));
        List<Map<String, Object>> allowed = statements.stream().filter(st -> "Allow".equals(st.get("Effect"))).toList();
        assertThat(allowed).singleElement().satisfies(st -> {
            assertThat(st).containsEntry("Principal", Map.of("Service", "cloudfront.amazonaws.com"))
                    .containsEntry("Action", "s3:GetObject");
            assertThat(st.get("Condition")).isEqualTo(Map.of("StringEquals", Map.of("aws:SourceArn",
                    Map.of("Fn::Sub", "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${PageDistribution}"))));
        });
        assertThat(statements).anySatisfy(st -> assertThat(st).containsEntry("Effect", "Deny")
                .containsEntry("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))));
        assertThat(ofType("AWS::S3::BucketPolicy")).hasSize(1);

        Map<String, Object> page = origin("page");
        assertThat(page).containsEntry("DomainName", Map.of("Fn::GetAtt", List.of("PageBucket", "RegionalDomainName")))
                .containsEntry("OriginAccessControlId", Map.of("Fn::GetAtt", List.of("PageOriginAccessControl", "Id")));
        assertThat(map(properties("PageOriginAccessControl"), "OriginAccessControlConfig"))
                .containsEntry("OriginAccessControlOriginType", "s3").containsEntry("SigningBehavior", "always");
        Map<String, Object> fallback = map(distribution(), "DefaultCacheBehavior");
        assertThat(fallback).containsEntry("TargetOriginId", "page").containsEntry("ViewerProtocolPolicy", "redirect-to-https")
                .containsEntry("ResponseHeadersPolicyId", Map.of("Ref", "PageHeaders"));
    }

    @Test
    void theDistributionRoutesTheApisPathsToTheDeskApiUncachedWithEveryViewerHeaderButHost() {
        assertThat(origin("api")).containsEntry("DomainName", Map.of("Fn::Sub", "${DeskApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}"));
        Map<String, Map<String, Object>> behaviours = new LinkedHashMap<>();
        maps(distribution().get("CacheBehaviors")).forEach(b -> behaviours.put((String) b.get("PathPattern"), b));
        assertThat(behaviours.keySet()).containsExactlyInAnyOrder("/claims/*", "/cases*");
        for (Route route : Route.ALL) {
            String path = route.path().replace("{orderId}", "171-5550123-7654321");
            assertThat(behaviours.keySet()).as(route.key()).anyMatch(pattern -> path.matches(pattern.replace("*", ".*")));
        }
        behaviours.forEach((pattern, behaviour) -> assertThat(behaviour).as(pattern)
                .containsEntry("TargetOriginId", "api")
                .containsEntry("CachePolicyId", CACHING_DISABLED)
                .containsEntry("OriginRequestPolicyId", ALL_VIEWER_EXCEPT_HOST_HEADER)
                .containsEntry("ViewerProtocolPolicy", "https-only")
                .containsEntry("AllowedMethods", List.of("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE")));
        // What the page's files are named must never be taken for the API's: page/ holds no cases* or claims/.
        assertThat(new java.io.File("page").list()).noneMatch(name -> name.startsWith("cases") || name.equals("claims"));
    }

    @Test
    void thePagesContentSecurityPolicyIsTheOneTheLocalDeskSendsWithCognitosDomain() {
        Map<String, Object> headers = map(map(properties("PageHeaders"), "ResponseHeadersPolicyConfig"), "SecurityHeadersConfig");
        Map<String, Object> csp = map(headers, "ContentSecurityPolicy");
        assertThat(csp).containsEntry("Override", true);
        assertThat(csp.get("ContentSecurityPolicy")).isEqualTo(Map.of("Fn::Sub", io.claimdesk.dev.LocalDesk.contentSecurityPolicy(
                "https://${DeskSignInDomain}.auth.${AWS::Region}.amazoncognito.com")));
        assertThat(map(headers, "ReferrerPolicy")).containsEntry("ReferrerPolicy", "no-referrer");
    }

    @Test
    void theOutputsGiveTheDeployScriptWhatItWrites() throws IOException {
        Map<String, Object> outputs = map(template, "Outputs");
        String script = java.nio.file.Files.readString(java.nio.file.Path.of("infra", "deploy-page.sh"));
        for (String output : List.of("PageUrl", "PageBucketName", "PageDistributionId", "SignInDomain", "DeskUserPoolId",
                "DeskPageClientId")) {
            assertThat(outputs).containsKey(output);
            assertThat(script).as("infra/deploy-page.sh reads " + output).contains(output);
        }
    }

    @Test
    void apiGatewayMayInvokeEachAliasFromTheRoutesOfItsFunctionOnly() {
        Map<String, String> exports = exportsByFunction();
        List<String> granted = new ArrayList<>();
        for (Map<String, Object> permission : ofType("AWS::Lambda::Permission")) {
            Map<String, Object> p = map(permission, "Properties");
            if (!"apigateway.amazonaws.com".equals(p.get("Principal"))) {
                continue;
            }
            String alias = (String) map(p, "FunctionName").get("Ref");
            List<?> sub = (List<?>) map(p, "SourceArn").get("Fn::Sub");
            String arn = (String) sub.get(0);
            // The desk API's permissions give the route's path as a variable of their Sub.
            for (Map.Entry<?, ?> variable : ((Map<?, ?>) sub.get(1)).entrySet()) {
                if (variable.getValue() instanceof String text && !variable.getKey().equals("__Stage__")) {
                    arn = arn.replace("${" + variable.getKey() + "}", text);
                }
            }
            Matcher m = Pattern.compile("\\$\\{__Stage__}/(GET|POST)(/.*)$").matcher(arn);
            assertThat(m.find()).isTrue();
            String api = (String) ((Map<?, ?>) ((Map<?, ?>) sub.get(1)).get("__ApiId__")).get("Ref");
            granted.add(api + " " + exports.get(alias.replace("Aliaslive", "")) + " " + m.group(1) + " " + m.group(2));
        }
        List<String> expected = new ArrayList<>();
        for (String api : SCHEME_BY_API.keySet()) {
            Route.ALL.forEach(r -> expected.add(api + " " + r.function() + " " + r.method() + " "
                    + r.path().replace("{" + Route.ORDER_ID + "}", "*")));
        }
        assertThat(granted).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void bothStagesThrottleAndWriteAJsonAccessLogLinkingTheLambdaRequestId() throws IOException {
        for (String api : SCHEME_BY_API.keySet()) {
            Map<String, Object> stage = properties(api + "ApiGatewayDefaultStage");
            assertThat(map(stage, "DefaultRouteSettings")).containsKeys("ThrottlingRateLimit", "ThrottlingBurstLimit");
            String format = (String) map(stage, "AccessLogSettings").get("Format");
            JsonNode line = JSON.readTree(format.replaceAll("\\$context\\.[A-Za-z.]+", "x"));
            assertThat(line.isObject()).isTrue();
            assertThat(format).as(api).contains("\"lambdaRequestId\":\"$context.integration.requestId\"")
                    .contains("\"status\":\"$context.status\"");
        }
    }

    // ---------------------------------------------------------------- alarms and the sweep's failures

    @Test
    void aStoreFailureAnsweredThroughTheApiIsCountedFromItsLogLineAndAlarmed() {
        exportsByFunction().forEach((function, export) -> {
            Map<String, Object> filter = properties(function + "StoreUnavailable");
            assertThat(filter.get("LogGroupName")).isEqualTo(Map.of("Ref", function + "LogGroup"));
            // The line ClaimFunctions logs at ERROR: "<function>: STORE_UNAVAILABLE: <why>".
            assertThat(filter.get("FilterPattern"))
                    .isEqualTo("{ $.level = \"ERROR\" && $.message = \"*" + FunctionError.STORE_UNAVAILABLE + "*\" }");
            Map<String, Object> metric = maps(filter.get("MetricTransformations")).get(0);
            assertThat(alarms()).as(function).anySatisfy(alarm -> assertThat(alarm)
                    .containsEntry("Namespace", metric.get("MetricNamespace"))
                    .containsEntry("MetricName", metric.get("MetricName")));
        });
    }

    @Test
    void everyFunctionHasAnErrorsAndAThrottlesAlarm() {
        for (String function : exportsByFunction().keySet()) {
            for (String metric : List.of("Errors", "Throttles")) {
                assertThat(alarms()).as(function + " " + metric).anySatisfy(alarm -> assertThat(alarm)
                        .containsEntry("Namespace", "AWS/Lambda").containsEntry("MetricName", metric)
                        .containsEntry("Dimensions", List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", function)))));
            }
        }
    }

    @Test
    void aSweepThatFailsAfterLambdasRetriesGoesToTheSweepQueueAndRaisesAnAlarm() {
        Map<String, Object> invokeConfig = properties("FlagLateArrivalEventInvokeConfig");
        assertThat(invokeConfig).containsKey("MaximumRetryAttempts");
        Object queueArn = Map.of("Fn::GetAtt", List.of("SweepDeadLetterQueue", "Arn"));
        assertThat(map(map(invokeConfig, "DestinationConfig"), "OnFailure")).isEqualTo(Map.of("Destination", queueArn));
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

    // ---------------------------------------------------------------- IAM

    @Test
    void eachRoleGrantsExactlyTheTableActionsOfItsFunction() {
        exportsByFunction().forEach((function, export) -> {
            assertThat(CaseTable.ACTIONS_BY_FUNCTION).as(function).containsKey(export);
            Set<String> dynamoActions = new TreeSet<>();
            Set<String> streamActions = new TreeSet<>();
            for (Map<String, Object> statement : statementsOf(roleOf(function))) {
                List<String> actions = strings(statement.get("Action"));
                if (actions.stream().anyMatch(CaseTable.STREAM_ACTIONS::contains)) {
                    // The stream's, on the stream alone: ListStreams on the table's streams, the others on its stream.
                    assertThat(CaseTable.STREAM_ACTIONS).as(function).containsAll(actions);
                    streamActions.addAll(actions);
                    assertThat(statement.get("Resource")).as(function + " " + actions).isEqualTo(actions.equals(List.of("dynamodb:ListStreams"))
                            ? Map.of("Fn::Sub", "${CaseTable.Arn}/stream/*") : Map.of("Fn::GetAtt", List.of("CaseTable", "StreamArn")));
                    continue;
                }
                actions.stream().filter(a -> a.startsWith("dynamodb:")).forEach(dynamoActions::add);
                if (actions.contains("dynamodb:Query")) {
                    assertThat(actions).as(function + ": Query sits alone, on its one index").containsExactly("dynamodb:Query");
                    assertThat(statement.get("Resource")).isEqualTo(Map.of("Fn::Sub",
                            "${CaseTable.Arn}/index/" + CaseTable.INDEX_BY_FUNCTION.get(export)));
                } else if (actions.stream().anyMatch(a -> a.startsWith("dynamodb:"))) {
                    assertThat(statement.get("Resource")).as(function).isEqualTo(Map.of("Fn::GetAtt", List.of("CaseTable", "Arn")));
                }
            }
            assertThat(dynamoActions).as(function).isEqualTo(new TreeSet<>(CaseTable.ACTIONS_BY_FUNCTION.get(export)));
            assertThat(streamActions).as(function + " reads the stream only if it is fed by it")
                    .isEqualTo(CaseTable.STREAM_READERS.contains(export) ? new TreeSet<>(CaseTable.STREAM_ACTIONS) : Set.of());
        });
    }

    @Test
    void eachRoleWritesItsOwnFunctionsLogsOnly() {
        exportsByFunction().forEach((function, export) -> assertThat(statementsOf(roleOf(function)).stream()
                .filter(s -> strings(s.get("Action")).stream().anyMatch(a -> a.startsWith("logs:"))))
                .as(function).singleElement().satisfies(s -> assertThat(s.get("Resource"))
                        .isEqualTo(Map.of("Fn::GetAtt", List.of(function + "LogGroup", "Arn")))));
    }

    @Test
    void noStatementGrantsEveryActionAndOnlyXrayUsesAnyResource() {
        List<Map<String, Object>> statements = new ArrayList<>();
        collectStatements(resources, statements);
        assertThat(statements).isNotEmpty();
        for (Map<String, Object> statement : statements) {
            if ("Deny".equals(statement.get("Effect"))) {
                // A deny takes away; it may name every action (the page bucket refuses anything but TLS).
                continue;
            }
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
    void onlyPublishChangesMayPutEventsOnTheBus() {
        exportsByFunction().forEach((function, export) -> {
            List<Map<String, Object>> eventStatements = statementsOf(roleOf(function)).stream()
                    .filter(statement -> strings(statement.get("Action")).stream().anyMatch(a -> a.startsWith("events:")))
                    .toList();
            if (CaseTable.PUBLISHERS.contains(export)) {
                assertThat(eventStatements).as(function).singleElement().satisfies(statement -> {
                    assertThat(strings(statement.get("Action"))).containsExactly("events:PutEvents");
                    assertThat(statement.get("Resource")).isEqualTo(BUS_ARN);
                });
                assertThat(map(map(properties(function), "Environment"), "Variables"))
                        .as(function).containsEntry("CLAIMDESK_EVENTS_BUS_NAME", BUS_NAME);
            } else {
                assertThat(eventStatements).as(function + " publishes nothing").isEmpty();
            }
        });
    }

    @Test
    void theBusIsTheDefaultOneUnlessTheStackIsAskedToCreateOne() {
        Map<String, Object> parameter = map(map(template, "Parameters"), "EventBus");
        assertThat(parameter).containsEntry("Default", "default").containsEntry("AllowedValues", List.of("default", "create"));
        assertThat(map(map(written, "Conditions"), "CreateEventBus"))
                .isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "EventBus"), "create")));
        assertThat(map(resources, "CaseEventBus")).containsEntry("Type", "AWS::Events::EventBus").containsEntry("Condition", "CreateEventBus");
    }

    @Test
    void theSampleAttentionRuleIsDisabledByDefaultAndSendsTheNeedsAttentionEventsToATopic() {
        assertThat(map(map(template, "Parameters"), "AttentionAlerts")).containsEntry("Default", "DISABLED");
        Map<String, Object> rule = properties("AttentionRule");
        // The transforms put each parameter's default in place of its Ref.
        assertThat(rule).containsEntry("State", "DISABLED").containsEntry("EventBusName", BUS_NAME);
        assertThat(map(map(map(written, "Resources"), "AttentionRule"), "Properties"))
                .containsEntry("State", Map.of("Ref", "AttentionAlerts"));
        Map<String, Object> pattern = map(rule, "EventPattern");
        assertThat(pattern.keySet()).containsExactlyInAnyOrder("source", "detail-type");
        assertThat(pattern.get("source")).isEqualTo(List.of(io.claimdesk.policy.Announcement.SOURCE));
        assertThat(strings(pattern.get("detail-type"))).containsExactlyInAnyOrderElementsOf(
                io.claimdesk.policy.Announcement.NEEDS_ATTENTION.stream().map(io.claimdesk.policy.Announcement::detailType)
                        .map(java.util.Optional::orElseThrow).toList());
        Map<String, Object> target = maps(rule.get("Targets")).get(0);
        assertThat(target.get("Arn")).isEqualTo(Map.of("Ref", "AttentionTopic"));
        assertThat(map(resources, "AttentionTopic")).containsEntry("Type", "AWS::SNS::Topic");
        Map<String, Object> topicStatement = maps(map(properties("AttentionTopicPolicy"), "PolicyDocument").get("Statement")).get(0);
        assertThat(topicStatement).containsEntry("Principal", Map.of("Service", "events.amazonaws.com"))
                .containsEntry("Action", "sns:Publish")
                .containsEntry("Condition", Map.of("ArnEquals", Map.of("aws:SourceArn", Map.of("Fn::GetAtt", List.of("AttentionRule", "Arn")))));
        assertThat(properties("AttentionSubscription")).containsEntry("Protocol", "email")
                .containsEntry("Endpoint", Map.of("Ref", "AttentionEmail"));
        assertThat(map(resources, "AttentionSubscription")).containsEntry("Condition", "HasAttentionEmail");
    }

    // ---------------------------------------------------------------- SP-API notifications in, changes out

    /** The event source mappings of a function, as the transforms write them. */
    private static List<Map<String, Object>> mappingsOf(String function) {
        return ofType("AWS::Lambda::EventSourceMapping").stream().map(r -> map(r, "Properties"))
                .filter(p -> Map.of("Ref", function + "Aliaslive").equals(p.get("FunctionName"))).toList();
    }

    @Test
    void theNotificationQueueTakesSpApisPrincipalAndFeedsSpapiNotificationsWhichAnswersItsFailedMessages() {
        Object queueArn = Map.of("Fn::GetAtt", List.of("NotificationQueue", "Arn"));
        assertThat(mappingsOf("SpApiNotifications")).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("EventSourceArn", queueArn).containsEntry("BatchSize", 10)
                    .containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"));
        });
        assertThat(map(map(properties("SpApiNotifications"), "Environment"), "Variables"))
                .containsEntry("QUARKUS_FUNQY_EXPORT", CaseTable.SPAPI_NOTIFICATIONS);
        // Amazon's documented principal may send, and read the queue's attributes; nothing else, nobody else.
        Map<String, Object> statement = maps(map(properties("NotificationQueuePolicy"), "PolicyDocument").get("Statement")).get(0);
        assertThat(statement).containsEntry("Principal", Map.of("AWS", "arn:aws:iam::437568002678:root"))
                .containsEntry("Resource", queueArn);
        assertThat(strings(statement.get("Action"))).containsExactlyInAnyOrder("sqs:SendMessage", "sqs:GetQueueAttributes");
        assertThat(maps(map(properties("NotificationQueuePolicy"), "PolicyDocument").get("Statement"))).hasSize(1);
        // A message the function keeps failing goes to the dead-letter queue, which raises an alarm.
        Map<String, Object> queue = properties("NotificationQueue");
        assertThat(map(queue, "RedrivePolicy")).containsEntry("deadLetterTargetArn",
                Map.of("Fn::GetAtt", List.of("NotificationDeadLetterQueue", "Arn")));
        assertThat(alarms()).anySatisfy(alarm -> assertThat(alarm).containsEntry("MetricName", "ApproximateNumberOfMessagesVisible")
                .containsEntry("Dimensions", List.of(Map.of("Name", "QueueName",
                        "Value", Map.of("Fn::GetAtt", List.of("NotificationDeadLetterQueue", "QueueName"))))));
        // Lambda wants the visibility timeout at least the function's timeout (six times is its advice).
        int timeout = ((Number) map(map(template, "Parameters"), "ApiFunctionTimeout").get("MaxValue")).intValue();
        assertThat(((Number) queue.get("VisibilityTimeout")).intValue()).isGreaterThanOrEqualTo(6 * timeout);
        assertThat(statementsOf("SpApiNotificationsRole")).anySatisfy(st -> {
            assertThat(strings(st.get("Action"))).containsExactlyInAnyOrder("sqs:ReceiveMessage", "sqs:DeleteMessage",
                    "sqs:GetQueueAttributes");
            assertThat(st.get("Resource")).isEqualTo(queueArn);
        });
    }

    @Test
    void theTablesStreamFeedsPublishChangesWithRetriesBisectionAMaximumAgeAndAnOnFailureQueue() {
        assertThat(map(properties("CaseTable"), "StreamSpecification"))
                .isEqualTo(Map.of("StreamViewType", CaseTable.STREAM_VIEW.toString()));
        Object failureQueue = Map.of("Fn::GetAtt", List.of("ChangesFailureQueue", "Arn"));
        assertThat(mappingsOf("PublishChanges")).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("EventSourceArn", Map.of("Fn::GetAtt", List.of("CaseTable", "StreamArn")))
                    .containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"))
                    .containsEntry("BisectBatchOnFunctionError", true)
                    .containsKeys("MaximumRetryAttempts", "MaximumRecordAgeInSeconds", "StartingPosition");
            assertThat(map(map(m, "DestinationConfig"), "OnFailure")).isEqualTo(Map.of("Destination", failureQueue));
        });
        assertThat(statementsOf("PublishChangesRole")).anySatisfy(st -> {
            assertThat(strings(st.get("Action"))).containsExactly("sqs:SendMessage");
            assertThat(st.get("Resource")).isEqualTo(failureQueue);
        });
        assertThat(alarms()).anySatisfy(alarm -> assertThat(alarm).containsEntry("MetricName", "ApproximateNumberOfMessagesVisible")
                .containsEntry("Dimensions", List.of(Map.of("Name", "QueueName",
                        "Value", Map.of("Fn::GetAtt", List.of("ChangesFailureQueue", "QueueName"))))));
        assertThat(alarms()).anySatisfy(alarm -> assertThat(alarm).containsEntry("MetricName", "IteratorAge")
                .containsEntry("Dimensions", List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", "PublishChanges")))));
        assertThat(map(map(properties("PublishChanges"), "Environment"), "Variables"))
                .containsEntry("QUARKUS_FUNQY_EXPORT", CaseTable.PUBLISH_CHANGES);
    }

    @Test
    void noFunctionButTheStreamsAndTheQueuesIsFedByAnEventSourceMapping() {
        assertThat(ofType("AWS::Lambda::EventSourceMapping")).hasSize(2);
    }

    // ---------------------------------------------------------------- table

    @Test
    void tableDeclaresTheKeysAndIndexOfCaseTable() {
        CreateTableRequest expected = CaseTable.createTableRequest("x");
        Map<String, Object> table = properties("CaseTable");

        assertThat(table).containsEntry("BillingMode", expected.billingModeAsString());
        assertThat(attributeTypes(table)).isEqualTo(expected.attributeDefinitions().stream()
                .collect(Collectors.toMap(AttributeDefinition::attributeName, AttributeDefinition::attributeTypeAsString)));
        assertThat(keySchema(table.get("KeySchema"))).isEqualTo(keySchema(expected.keySchema()));

        List<Map<String, Object>> indexes = maps(table.get("GlobalSecondaryIndexes"));
        assertThat(indexes).hasSameSizeAs(expected.globalSecondaryIndexes());
        for (int i = 0; i < indexes.size(); i++) {
            GlobalSecondaryIndex expectedIndex = expected.globalSecondaryIndexes().get(i);
            Map<String, Object> index = indexes.get(i);
            assertThat(index).containsEntry("IndexName", expectedIndex.indexName());
            assertThat(keySchema(index.get("KeySchema"))).isEqualTo(keySchema(expectedIndex.keySchema()));
            assertThat(map(index, "Projection"))
                    .isEqualTo(Map.of("ProjectionType", expectedIndex.projection().projectionTypeAsString()));
        }
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
        Map<String, Object> rule = properties("SweepRule");
        assertThat(rule).containsKey("ScheduleExpression");
        List<Map<String, Object>> targets = maps(rule.get("Targets"));
        assertThat(targets).hasSize(1);
        Map<String, Object> target = targets.get(0);
        assertThat(target.get("Arn")).isEqualTo(Map.of("Ref", "FlagLateArrivalAliaslive"));
        assertThat(target).as("no Input: the function gets the standard Scheduled Event")
                .doesNotContainKeys("Input", "InputPath", "InputTransformer");
        assertThat(map(target, "RetryPolicy")).containsKeys("MaximumRetryAttempts", "MaximumEventAgeInSeconds");
        assertThat(map(target, "DeadLetterConfig").get("Arn")).isEqualTo(Map.of("Fn::GetAtt", List.of("SweepDeadLetterQueue", "Arn")));
        assertThat(map(resources, "SweepDeadLetterQueue")).containsEntry("Type", "AWS::SQS::Queue");

        Map<String, Object> queueStatement = maps(map(properties("SweepDeadLetterQueuePolicy"), "PolicyDocument").get("Statement")).get(0);
        assertThat(queueStatement).containsEntry("Principal", Map.of("Service", "events.amazonaws.com"))
                .containsEntry("Condition", Map.of("ArnEquals",
                        Map.of("aws:SourceArn", Map.of("Fn::GetAtt", List.of("SweepRule", "Arn")))));
        assertThat(properties("SweepPermission"))
                .containsEntry("Principal", "events.amazonaws.com")
                .containsEntry("FunctionName", Map.of("Ref", "FlagLateArrivalAliaslive"));
    }

    // ---------------------------------------------------------------- template navigation

    private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    private static final String ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

    /** The desk API's routes by route key. */
    private static Map<String, Map<String, Object>> deskRoutes() {
        Map<String, Map<String, Object>> routes = new LinkedHashMap<>();
        for (Map<String, Object> route : ofType("AWS::ApiGatewayV2::Route")) {
            Map<String, Object> p = map(route, "Properties");
            if (Map.of("Ref", "DeskApi").equals(p.get("ApiId"))) {
                routes.put((String) p.get("RouteKey"), p);
            }
        }
        return routes;
    }

    private static Map<String, Object> distribution() {
        return map(properties("PageDistribution"), "DistributionConfig");
    }

    private static Map<String, Object> origin(String id) {
        return maps(distribution().get("Origins")).stream().filter(o -> id.equals(o.get("Id"))).findFirst().orElseThrow();
    }

    /** Lambda function logical id → its export. */
    private static Map<String, String> exportsByFunction() {
        Map<String, String> exports = new LinkedHashMap<>();
        resources.forEach((name, resource) -> {
            if ("AWS::Lambda::Function".equals(asMap(resource).get("Type"))) {
                exports.put(name, (String) map(map(properties(name), "Environment"), "Variables").get("QUARKUS_FUNQY_EXPORT"));
            }
        });
        return exports;
    }

    /** An API's operations by route key, "POST /cases/{orderId}/refunds". */
    private static Map<String, Map<String, Object>> operations(String api) {
        Map<String, Map<String, Object>> operations = new LinkedHashMap<>();
        map(map(properties(api), "Body"), "paths").forEach((path, methods) -> asMap(methods)
                .forEach((method, operation) -> operations.put(method.toUpperCase(java.util.Locale.ROOT) + " " + path, asMap(operation))));
        return operations;
    }

    private static Map<String, Object> securitySchemes(String api) {
        return map(map(map(properties(api), "Body"), "components"), "securitySchemes");
    }

    private static Map<String, Object> properties(String resource) {
        return map(map(resources, resource), "Properties");
    }

    private static List<Map<String, Object>> ofType(String type) {
        return resources.values().stream().map(TemplateTest::asMap).filter(r -> type.equals(r.get("Type"))).toList();
    }

    private static List<Map<String, Object>> alarms() {
        return ofType("AWS::CloudWatch::Alarm").stream().map(r -> map(r, "Properties")).toList();
    }

    private static String funqName(Method method) {
        String value = method.getAnnotation(Funq.class).value();
        return value.isEmpty() ? method.getName() : value;
    }

    private static String roleOf(String function) {
        Object role = properties(function).get("Role");
        assertThat(role).as(function + " has its own role").isInstanceOf(Map.class);
        return ((List<?>) ((Map<?, ?>) role).get("Fn::GetAtt")).get(0).toString();
    }

    /** Everything a role may do: its inline policies, and the managed policies attached to it. */
    private static List<Map<String, Object>> statementsOf(String role) {
        List<Map<String, Object>> statements = new ArrayList<>();
        collectStatements(properties(role).get("Policies"), statements);
        for (Map<String, Object> policy : ofType("AWS::IAM::ManagedPolicy")) {
            Map<String, Object> p = map(policy, "Properties");
            if (((List<?>) p.get("Roles")).contains(Map.of("Ref", role))) {
                collectStatements(p.get("PolicyDocument"), statements);
            }
        }
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
