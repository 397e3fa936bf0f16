package io.claimdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * The PutEvents call without the SDK's EventBridge module, checked offline against two references: the body against
 * what that module writes for the same entries, and the SigV4 signature against botocore's signer (python3 with
 * botocore must be installed), so that a real EventBridge endpoint accepts it.
 */
class EventBridgeCallTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Region REGION = Region.EU_WEST_3;
    private static final Instant SIGNED_AT = Instant.parse("2026-03-02T09:30:07Z");
    private static final String ACCESS_KEY = "AKIDEXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCWV1LXdlc3QtMyJHMEUCIQ+token/=";

    /** Two events: a time with sub-millisecond digits the SDK drops, one on the second, and a detail to escape. */
    private static final List<EventBridgeCall.Entry> ENTRIES = List.of(
            new EventBridgeCall.Entry("claim-desk", "Refund recorded",
                    "{\"id\":\"404-1234567-1234567/1\",\"rules\":[\"R3\"],\"note\":\"d\u00e9j\u00e0 \\\"vu\\\"\"}",
                    Instant.parse("2026-03-02T09:30:00.123456789Z"), "default"),
            new EventBridgeCall.Entry("claim-desk", "Claim window opened", "{\"id\":\"404-1234567-1234567/2\"}",
                    Instant.parse("2026-03-13T00:00:00Z"), "claim-desk-events"));

    private static EventBridgeCall call(AwsCredentials credentials) {
        return new EventBridgeCall(EventBridgeCall.endpoint(REGION), REGION, StaticCredentialsProvider.create(credentials),
                JSON, Clock.fixed(SIGNED_AT, ZoneOffset.UTC));
    }

    @Test
    void theEndpointIsTheRegionsOwn() {
        assertThat(EventBridgeCall.endpoint(Region.EU_WEST_3)).hasToString("https://events.eu-west-3.amazonaws.com");
        assertThat(EventBridgeCall.endpoint(Region.CN_NORTH_1)).hasToString("https://events.cn-north-1.amazonaws.com.cn");
    }

    @Test
    void timesAreEpochSecondsWithTheirMilliseconds() {
        assertThat(EventBridgeCall.epochSeconds(Instant.parse("2026-03-02T09:30:00.123456789Z"))).isEqualTo("1772443800.123");
        assertThat(EventBridgeCall.epochSeconds(Instant.parse("2026-03-02T09:30:00Z"))).isEqualTo("1772443800.000");
    }

    @Test
    void theBodyAndOperationAreWhatTheSdksEventBridgeModuleSends() throws IOException {
        AtomicReference<SdkHttpRequest> sdkRequest = new AtomicReference<>();
        AtomicReference<byte[]> sdkBody = new AtomicReference<>();
        ExecutionInterceptor capture = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                sdkRequest.set(context.httpRequest());
                try (InputStream in = context.requestBody().orElseThrow().contentStreamProvider().newStream()) {
                    sdkBody.set(in.readAllBytes());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                throw new CapturedException();
            }
        };
        try (EventBridgeClient sdk = EventBridgeClient.builder()
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(capture))
                .build()) {
            List<PutEventsRequestEntry> entries = ENTRIES.stream().map(e -> PutEventsRequestEntry.builder()
                    .source(e.source()).detailType(e.detailType()).detail(e.detail()).time(e.time())
                    .eventBusName(e.eventBusName()).build()).toList();
            assertThatThrownBy(() -> sdk.putEvents(b -> b.entries(entries))).isInstanceOf(CapturedException.class);
        }

        EventBridgeCall call = call(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
        byte[] body = call.body(ENTRIES);
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(new String(sdkBody.get(), StandardCharsets.UTF_8));
        assertThat(body).isEqualTo(sdkBody.get());

        SdkHttpRequest ours = call.sign(body);
        SdkHttpRequest theirs = sdkRequest.get();
        assertThat(ours.method()).isEqualTo(theirs.method());
        assertThat(ours.getUri()).isEqualTo(theirs.getUri());
        for (String header : List.of("Content-Type", "X-Amz-Target", "Content-Length")) {
            assertThat(ours.firstMatchingHeader(header)).as(header).isEqualTo(theirs.firstMatchingHeader(header)).isPresent();
        }
    }

    @Test
    void theSignatureIsBotocoresWithPermanentCredentials() throws Exception {
        assertSignedAsBotocoreSigns(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    @Test
    void theSignatureIsBotocoresWithASessionToken() throws Exception {
        assertSignedAsBotocoreSigns(AwsSessionCredentials.create(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN));
    }

    /**
     * Signs a PutEvents request through the production path ({@link EventBridgeCall#sign}), gives botocore's SigV4
     * signer the same method, URL, headers, body, credentials and time, and compares what each adds.
     */
    private static void assertSignedAsBotocoreSigns(AwsCredentials credentials) throws Exception {
        EventBridgeCall call = call(credentials);
        byte[] body = call.body(ENTRIES);
        SdkHttpRequest signed = call.sign(body);

        String authorization = signed.firstMatchingHeader("Authorization").orElseThrow();
        Set<String> sent = new TreeSet<>();
        signed.headers().keySet().forEach(name -> sent.add(name.toLowerCase(Locale.ROOT)));
        sent.remove("authorization");
        assertThat(signedHeaders(authorization)).as("every header sent is signed").isEqualTo(sent);
        assertThat(sent).contains("content-length", "content-type", "host", "x-amz-date", "x-amz-target");
        boolean session = credentials instanceof AwsSessionCredentials;
        assertThat(sent.contains("x-amz-security-token")).isEqualTo(session);

        // botocore adds Authorization, X-Amz-Date and X-Amz-Security-Token itself; it is given every other header.
        ObjectNode given = JSON.createObjectNode()
                .put("method", signed.method().name())
                .put("url", signed.getUri().toString())
                .put("body", Base64.getEncoder().encodeToString(body))
                .put("accessKey", credentials.accessKeyId())
                .put("secretKey", credentials.secretAccessKey())
                .put("token", session ? ((AwsSessionCredentials) credentials).sessionToken() : null)
                .put("region", REGION.id())
                .put("service", EventBridgeCall.SIGNING_NAME)
                .put("time", "20260302T093007Z");
        ObjectNode headers = given.putObject("headers");
        signed.headers().forEach((name, values) -> {
            if (!Set.of("authorization", "x-amz-date", "x-amz-security-token").contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, String.join(",", values));
            }
        });
        JsonNode botocore = botocoreSigns(given);

        assertThat(signed.firstMatchingHeader("X-Amz-Date")).hasValue("20260302T093007Z");
        assertThat(authorization).isEqualTo(botocore.path("Authorization").asText())
                .startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/20260302/eu-west-3/events/aws4_request, ");
        assertThat(signed.firstMatchingHeader("X-Amz-Date")).hasValue(botocore.path("X-Amz-Date").asText());
        assertThat(signed.firstMatchingHeader("X-Amz-Security-Token"))
                .isEqualTo(Optional.ofNullable(botocore.path("X-Amz-Security-Token").textValue()));
    }

    private static Set<String> signedHeaders(String authorization) {
        String list = authorization.replaceAll(".*SignedHeaders=([^,]+),.*", "$1");
        return new TreeSet<>(Arrays.asList(list.split(";")));
    }

    /** botocore's SigV4Auth over an AWSRequest, its clock fixed at the given time. */
    private static final String BOTOCORE_SIGNS = """
            import base64, datetime, json, sys
            from unittest import mock
            import botocore.auth
            from botocore.awsrequest import AWSRequest
            from botocore.credentials import Credentials

            given = json.load(sys.stdin)
            request = AWSRequest(method=given['method'], url=given['url'], headers=given['headers'],
                                 data=base64.b64decode(given['body']))
            credentials = Credentials(given['accessKey'], given['secretKey'], given['token'])
            now = datetime.datetime.strptime(given['time'], '%Y%m%dT%H%M%SZ')
            with mock.patch.object(botocore.auth, 'get_current_datetime', return_value=now):
                botocore.auth.SigV4Auth(credentials, given['service'], given['region']).add_auth(request)
            print(json.dumps({name: request.headers.get(name)
                              for name in ('Authorization', 'X-Amz-Date', 'X-Amz-Security-Token')}))
            """;

    private static JsonNode botocoreSigns(ObjectNode given) throws IOException, InterruptedException {
        Path python = pythonWithBotocore().orElse(null);
        if (python == null) {
            fail("python3 with botocore was not found on PATH nor in ~/.pyenv/shims; install it (pip install botocore) "
                    + "to compare the PutEvents signature with botocore's");
        }
        Process process = new ProcessBuilder(python.toString(), "-c", BOTOCORE_SIGNS).start();
        try (var in = process.getOutputStream()) {
            in.write(JSON.writeValueAsBytes(given));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("botocore did not sign within a minute");
        }
        assertThat(process.exitValue()).as("botocore signing failed: %s", errors).isZero();
        return JSON.readTree(output);
    }

    /** The first python3 on PATH, then in ~/.pyenv/shims, that imports botocore. */
    private static Optional<Path> pythonWithBotocore() throws InterruptedException {
        List<Path> directories = new ArrayList<>();
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                directories.add(Path.of(entry));
            }
        }
        directories.add(Path.of(System.getProperty("user.home"), ".pyenv", "shims"));
        for (Path directory : directories) {
            Path python = directory.resolve("python3");
            if (Files.isExecutable(python) && imports(python, "botocore")) {
                return Optional.of(python);
            }
        }
        return Optional.empty();
    }

    private static boolean imports(Path python, String module) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(python.toString(), "-c", "import " + module)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void answersSayWhatEventBridgeTook() throws IOException {
        EventBridgeCall call = call(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
        assertThat(call.result(answer(200, "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e1\"},{\"EventId\":\"e2\"}]}")))
                .isEqualTo(new EventBridgeCall.Result(0, "?"));
        assertThat(call.result(answer(200, "{\"FailedEntryCount\":1,\"Entries\":[{\"EventId\":\"e1\"},"
                + "{\"ErrorCode\":\"InternalFailure\",\"ErrorMessage\":\"try again\"}]}")))
                .isEqualTo(new EventBridgeCall.Result(1, "InternalFailure"));
        assertThatThrownBy(() -> call.result(answer(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}")))
                .isInstanceOf(IOException.class).hasMessage("EventBridge answered HTTP 400 ThrottlingException: Rate exceeded");
        assertThatThrownBy(() -> call.result(answer(400,
                "{\"__type\":\"com.amazon.coral.service#UnrecognizedClientException\",\"Message\":\"The security token is invalid.\"}")))
                .hasMessage("EventBridge answered HTTP 400 UnrecognizedClientException: The security token is invalid.");
        assertThatThrownBy(() -> call.result(answer(502, "<html>Bad Gateway</html>")))
                .isInstanceOf(IOException.class).hasMessage("EventBridge answered HTTP 502");
        assertThatThrownBy(() -> call.result(answer(200, "<html>not EventBridge</html>"))).isInstanceOf(IOException.class);
    }

    private static EventBridgeCall.Answer answer(int status, String body) {
        return new EventBridgeCall.Answer(status, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Stops the SDK's call once it has built and signed its request: nothing is sent. */
    private static final class CapturedException extends RuntimeException {
        CapturedException() {
            super("request captured", null, false, false);
        }
    }
}
