package io.claimdesk.functions;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.claimdesk.policy.Refusal;

/**
 * Turns a function's JSON into a validated input record, or a refusal naming the field. Stricter than
 * Funqy's own mapping on purpose: unknown fields, numbers or booleans where text is expected (amounts
 * travel as text so no precision is lost), numbers for enum values and unknown enum values are refused
 * rather than ignored or coerced.
 */
@ApplicationScoped
public class Inputs {

    private final ObjectMapper strict = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // ALLOW_COERCION_OF_SCALARS does not stop 59.90 or 1 or true from becoming the text "59.9", "1", "true".
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private final Validator validator;

    public Inputs(Validator validator) {
        this.validator = validator;
    }

    public <T> T read(JsonNode json, Class<T> type) {
        if (json == null || !json.isObject()) {
            throw Refusal.invalid(null, "the input must be a JSON object");
        }
        T value;
        try {
            value = strict.treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw refusalFor(e);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(null, "the input could not be read: " + e.getMessage());
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            // Report one field, the same one every time, so callers and tests can rely on it.
            ConstraintViolation<T> first = violations.stream()
                    .min(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString())
                            .thenComparing(ConstraintViolation::getMessage))
                    .orElseThrow();
            throw Refusal.invalid(first.getPropertyPath().toString(), first.getPropertyPath() + " " + first.getMessage());
        }
        return value;
    }

    private static Refusal refusalFor(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m) : null;
        if (e instanceof InvalidFormatException f && f.getTargetType() == String.class) {
            return Refusal.invalid(field, (field == null ? "the input" : field)
                    + " has the wrong type; expected text (write amounts and ids as JSON strings)");
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return Refusal.invalid(field, "unknown field '" + u.getPropertyName() + "'; expected one of "
                    + u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return Refusal.invalid(field, "'" + f.getValue() + "' is not one of "
                    + Arrays.stream(f.getTargetType().getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")));
        }
        if (e instanceof InvalidFormatException f) {
            return Refusal.invalid(field, "'" + f.getValue() + "' is not a valid " + simpleType(f.getTargetType()));
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof java.time.DateTimeException) {
            return Refusal.invalid(field, "not a valid date or time: " + m.getCause().getMessage());
        }
        String type = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mi ? simpleType(mi.getTargetType()) : "value";
        return Refusal.invalid(field, (field == null ? "the input" : field) + " has the wrong type; expected "
                + type + (type.equals("text") ? " (write amounts and ids as JSON strings)" : ""));
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == java.time.LocalDate.class) {
            return "date (yyyy-MM-dd)";
        }
        if (type == java.time.Instant.class) {
            return "instant (e.g. 2026-03-01T22:30:00Z)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        return type.isRecord() ? "object" : type.getSimpleName();
    }

    private static String path(JsonMappingException e) {
        String joined = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return joined.isEmpty() ? null : joined.replace(".[", "[");
    }
}
