package io.claimdesk.infra;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;

/**
 * Renders API Gateway mapping templates with Apache Velocity, the engine API Gateway's templates are written for,
 * with {@code $input}, {@code $util} and {@code $context} implemented after AWS's "Variables for data
 * transformations" reference, for the parts the templates in {@code infra/template.yaml} use:
 * <ul>
 * <li>{@code $input.path(x)}: the JSONPath's result as an object VTL can work with (a map, a list, a string, a
 * number, a boolean, or null when absent); {@code $input.json(x)}: the result as JSON text;
 * {@code $input.params()}: the map of {@code path}, {@code querystring} and {@code header} parameters;
 * {@code $input.params(name)}: one parameter, looked up in that order; {@code $input.body}: the raw payload.
 * JSONPath here is {@code $} followed by {@code .name}, {@code ['name']} or {@code [n]} steps.</li>
 * <li>{@code $util.escapeJavaScript(s)}: "escapes the characters in a string using JavaScript string rules",
 * including {@code '} as {@code \'} (which AWS notes is not valid JSON); as Apache Commons Lang 2's
 * {@code StringEscapeUtils.escapeJavaScript}: {@code " ' \ /} get a backslash, control characters their short
 * or {@code \}{@code u00XX} form, and every character above 0x7E its {@code \}{@code uXXXX} form.
 * {@code $util.parseJson}, {@code urlEncode}, {@code urlDecode}, {@code base64Encode}, {@code base64Decode}.</li>
 * <li>{@code $context}: the variables given, plus {@code responseOverride.status} and
 * {@code responseOverride.header.*}, which a template may set once each ("overrides are final": setting one
 * twice is a 5XX in API Gateway, an exception here).</li>
 * </ul>
 * The engine runs with Velocity 1.7's behaviour where 2.x changed it (no argument conversion, 1.7's whitespace
 * handling, {@code #if} false only for null and false).
 */
final class MappingTemplates {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final VelocityEngine ENGINE = engine();

    private MappingTemplates() {
    }

    private static VelocityEngine engine() {
        Properties properties = new Properties();
        properties.setProperty("space.gobbling", "bc");
        properties.setProperty("directive.if.empty_check", "false");
        properties.setProperty("introspector.conversion_handler.class", "none");
        properties.setProperty("parser.allow_hyphen_in_identifiers", "true");
        properties.setProperty("runtime.strict_mode.enable", "false");
        VelocityEngine engine = new VelocityEngine(properties);
        engine.init();
        return engine;
    }

    /** What a template produced: the body, and the overrides it set ({@code responseOverride.status}, headers). */
    record Rendered(String body, Object status, Map<String, Object> headers) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    /** Renders {@code template} against a payload (a JSON text, or any text), path parameters and context variables. */
    static Rendered render(String template, String payload, Map<String, String> pathParameters, Map<String, Object> context) {
        return render(template, payload, pathParameters, Map.of(), context);
    }

    /** The same, with query string parameters. */
    static Rendered render(String template, String payload, Map<String, String> pathParameters, Map<String, String> query,
                           Map<String, Object> context) {
        Overrides responseOverride = new Overrides();
        Map<String, Object> contextVariables = new LinkedHashMap<>(context);
        contextVariables.put("responseOverride", responseOverride);
        VelocityContext velocity = new VelocityContext();
        velocity.put("input", new Input(payload, pathParameters, query));
        velocity.put("util", new Util());
        velocity.put("context", contextVariables);
        StringWriter out = new StringWriter();
        ENGINE.evaluate(velocity, out, "template", template);
        return new Rendered(out.toString(), responseOverride.get("status"), responseOverride.header);
    }

    /** {@code $context.responseOverride}: each key may be set once. */
    static final class Overrides extends LinkedHashMap<String, Object> {
        final Overrides header;

        Overrides() {
            this(true);
        }

        private Overrides(boolean withHeader) {
            header = withHeader ? new Overrides(false) : null;
            if (withHeader) {
                super.put("header", header);
            }
        }

        @Override
        public Object put(String key, Object value) {
            if (containsKey(key)) {
                throw new IllegalStateException("override " + key + " set twice (API Gateway answers 5XX)");
            }
            return super.put(key, value);
        }
    }

    /** {@code $input}. */
    public static final class Input {
        private final String body;
        private final JsonNode json;
        private final Map<String, Object> params;

        Input(String body, Map<String, String> pathParameters, Map<String, String> query) {
            this.body = body;
            JsonNode parsed;
            try {
                parsed = body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (IOException e) {
                parsed = MissingNode.getInstance();
            }
            this.json = parsed;
            params = new LinkedHashMap<>();
            params.put("path", new LinkedHashMap<>(pathParameters));
            params.put("querystring", new LinkedHashMap<>(query));
            params.put("header", new LinkedHashMap<String, String>());
        }

        public String getBody() {
            return body;
        }

        public Object path(String jsonPath) {
            return toVtl(select(jsonPath));
        }

        public String json(String jsonPath) {
            JsonNode node = select(jsonPath);
            try {
                return node.isMissingNode() ? "null" : JSON.writeValueAsString(node);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Map<String, Object> params() {
            return params;
        }

        @SuppressWarnings("unchecked")
        public String params(String name) {
            for (String where : List.of("path", "querystring", "header")) {
                Map<String, String> values = (Map<String, String>) params.get(where);
                if (values.containsKey(name)) {
                    return values.get(name);
                }
            }
            return "";
        }

        private JsonNode select(String jsonPath) {
            if (!jsonPath.startsWith("$")) {
                throw new IllegalArgumentException("not a JSONPath: " + jsonPath);
            }
            JsonNode node = json;
            int i = 1;
            while (i < jsonPath.length()) {
                char c = jsonPath.charAt(i);
                if (c == '.') {
                    int end = i + 1;
                    while (end < jsonPath.length() && jsonPath.charAt(end) != '.' && jsonPath.charAt(end) != '[') {
                        end++;
                    }
                    node = node.path(jsonPath.substring(i + 1, end));
                    i = end;
                } else if (c == '[') {
                    int close = jsonPath.indexOf(']', i);
                    String inside = jsonPath.substring(i + 1, close);
                    if (inside.startsWith("'") || inside.startsWith("\"")) {
                        node = node.path(inside.substring(1, inside.length() - 1));
                    } else {
                        node = node.path(Integer.parseInt(inside));
                    }
                    i = close + 1;
                } else {
                    throw new IllegalArgumentException("unsupported JSONPath: " + jsonPath);
                }
            }
            return node;
        }

        private static Object toVtl(JsonNode node) {
            if (node == null || node.isMissingNode() || node.isNull()) {
                return null;
            }
            if (node.isObject()) {
                Map<String, Object> map = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    map.put(field.getKey(), toVtl(field.getValue()));
                }
                return map;
            }
            if (node.isArray()) {
                List<Object> list = new ArrayList<>();
                node.forEach(element -> list.add(toVtl(element)));
                return list;
            }
            if (node.isTextual()) {
                return node.asText();
            }
            if (node.isBoolean()) {
                return node.asBoolean();
            }
            if (node.isIntegralNumber()) {
                return node.canConvertToInt() ? (Object) node.asInt() : (Object) node.asLong();
            }
            return node.asDouble();
        }
    }

    /** {@code $util}. */
    public static final class Util {

        public String escapeJavaScript(String s) {
            if (s == null) {
                return null;
            }
            StringBuilder out = new StringBuilder(s.length() + 16);
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch > 0x7e) {
                    out.append("\\u").append(hex4(ch));
                } else if (ch < 32) {
                    switch (ch) {
                        case '\b' -> out.append("\\b");
                        case '\n' -> out.append("\\n");
                        case '\t' -> out.append("\\t");
                        case '\f' -> out.append("\\f");
                        case '\r' -> out.append("\\r");
                        default -> out.append("\\u").append(hex4(ch));
                    }
                } else {
                    switch (ch) {
                        case '\'' -> out.append("\\'");
                        case '"' -> out.append("\\\"");
                        case '\\' -> out.append("\\\\");
                        case '/' -> out.append("\\/");
                        default -> out.append(ch);
                    }
                }
            }
            return out.toString();
        }

        private static String hex4(char ch) {
            return String.format(Locale.ROOT, "%04X", (int) ch);
        }

        public Object parseJson(String s) {
            try {
                return Input.toVtl(JSON.readTree(s));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String urlEncode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }

        public String urlDecode(String s) {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        }

        public String base64Encode(String s) {
            return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
        }

        public String base64Decode(String s) {
            return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
        }
    }
}
