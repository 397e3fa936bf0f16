package io.claimdesk.functions;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.claimdesk.policy.Language;
import io.claimdesk.policy.Marketplace;
import io.claimdesk.policy.Refusal;

/**
 * Turns a function's JSON into an input record, or a refusal naming the field. Two steps, one refusal
 * format: this strict mapping types every field (stricter than Funqy's own mapping on purpose: unknown
 * fields, numbers or booleans where text is expected (amounts travel as text so no precision is lost),
 * numbers for enum values, unknown enum values, marketplaces and languages, dates that are not
 * {@code yyyy-MM-dd} text and dates outside {@link #EARLIEST_DATE}..{@link #LATEST_DATE} are refused rather
 * than ignored or coerced); then the record's constructor checks formats and what is required
 * ({@link Fields}).
 */
@ApplicationScoped
public class Inputs {

    /**
     * The first and last day any date or instant of an input may name. Far outside any real order or claim
     * window, and it keeps every date the desk computes (deadlines, dates in each marketplace's zone) within
     * java.time's range and at four-digit years, whose ISO text sorts in date order as the due index needs.
     */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2099, 12, 31);

    private final ObjectMapper strict = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("strict-dates")
                    .addDeserializer(LocalDate.class, new StrictDate())
                    .addDeserializer(Instant.class, new StrictInstant())
                    .addDeserializer(Marketplace.class, marketplaceCode())
                    .addDeserializer(Language.class, languageCode()))
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

    /**
     * What an input's key may look like to be named back in an error: a field name, not free text. Refusals
     * never quote values or keys a caller typed otherwise, since error messages end up in the logs.
     */
    static final String FIELD_NAME = "[A-Za-z][A-Za-z0-9_-]{0,63}";
    static final String FIELD_PATH = FIELD_NAME + "(\\[[0-9]{1,4}\\])*(\\." + FIELD_NAME + "(\\[[0-9]{1,4}\\])*){0,4}";

    public <T> T read(JsonNode json, Class<T> type) {
        if (json == null || !json.isObject()) {
            throw Refusal.invalid(null, "the input must be a JSON object");
        }
        try {
            return strict.treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw refusalFor(e);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(null, "the input could not be read as " + simpleType(type));
        }
    }

    private static Refusal refusalFor(JsonProcessingException e) {
        // A record's constructor refused what it was given: Jackson wraps its refusal.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof Refusal r) {
                return r;
            }
        }
        String field = e instanceof JsonMappingException m ? path(m) : null;
        if (e instanceof Unknown u) {
            return u.refusal.apply(field == null ? "the input" : field);
        }
        if (e instanceof OutOfRange r) {
            return Refusal.invalid(field, "'" + r.getValue() + "' is outside the dates accepted, "
                    + EARLIEST_DATE + " to " + LATEST_DATE);
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() == String.class) {
            return Refusal.invalid(field, (field == null ? "the input" : field)
                    + " has the wrong type; expected text (write amounts and ids as JSON strings)");
        }
        String named = field == null ? "the input" : field;
        if (e instanceof UnrecognizedPropertyException u) {
            String name = u.getPropertyName();
            return Refusal.invalid(field, (name != null && name.matches(FIELD_NAME) ? "unknown field '" + name + "'" : "an unknown field")
                    + "; expected one of "
                    + u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return Refusal.invalid(field, named + " is not one of "
                    + Arrays.stream(f.getTargetType().getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")));
        }
        if (e instanceof InvalidFormatException f) {
            return Refusal.invalid(field, named + " is not a valid " + simpleType(f.getTargetType()));
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof DateTimeException) {
            return Refusal.invalid(field, named + " is not a valid date or time");
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
        if (type == LocalDate.class) {
            return "date (yyyy-MM-dd)";
        }
        if (type == Instant.class) {
            return "instant (e.g. 2026-03-01T22:30:00Z)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        return type.isRecord() ? "object" : type.getSimpleName();
    }

    /** A well-formed date or instant outside {@link #EARLIEST_DATE}..{@link #LATEST_DATE}. */
    static final class OutOfRange extends InvalidFormatException {
        OutOfRange(JsonParser p, String text, Class<?> type) {
            super(p, "'" + text + "' is outside " + EARLIEST_DATE + ".." + LATEST_DATE, text, type);
        }
    }

    /** A code that names none of the values of a closed list; the refusal says which values there are. */
    static final class Unknown extends JsonMappingException {
        final transient Function<String, Refusal> refusal;

        Unknown(JsonParser p, Function<String, Refusal> refusal) {
            super(p, "unknown code");
            this.refusal = refusal;
        }
    }

    /** Only a marketplace code of the right shape is quoted back in a refusal: refusals end up in the logs. */
    private static final Pattern MARKETPLACE_SHAPE = Pattern.compile("[A-Z]{2}");
    private static final String MARKETPLACES = Arrays.stream(Marketplace.values()).map(Enum::name).collect(Collectors.joining(", "));
    private static final String LANGUAGES = Arrays.stream(Language.values()).map(Language::code).collect(Collectors.joining(", "));

    /** A marketplace's code (FR, DE, ..., JP), exactly as written. */
    static Code<Marketplace> marketplaceCode() {
        return new Code<>(Marketplace.class, Marketplace::ofCode, (field, code) -> Refusal.invalid(field,
                MARKETPLACE_SHAPE.matcher(code).matches() ? "unknown marketplace '" + code + "'; known: " + MARKETPLACES
                        : field + " must be a marketplace code such as " + MARKETPLACES));
    }

    /** A language's code (fr, en, de, es, it, ja), in any case. */
    static Code<Language> languageCode() {
        return new Code<>(Language.class, Language::ofCode, (field, code) -> Refusal.invalid(field, field + " must be one of " + LANGUAGES));
    }

    /** A value of a closed list named by its code, given as text; an unknown code is refused as {@code unknown} says. */
    static final class Code<T> extends StdScalarDeserializer<T> {
        private final transient Function<String, Optional<T>> lookup;
        private final transient BiFunction<String, String, Refusal> unknown;

        Code(Class<T> type, Function<String, Optional<T>> lookup, BiFunction<String, String, Refusal> unknown) {
            super(type);
            this.lookup = lookup;
            this.unknown = unknown;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(String.class, p);
            }
            String code = p.getText();
            return lookup.apply(code).orElseThrow(() -> new Unknown(p, field -> unknown.apply(field, code)));
        }
    }

    /** yyyy-MM-dd text only (no numbers, no [y, m, d] arrays), a real calendar day, within the accepted range. */
    static final class StrictDate extends StdScalarDeserializer<LocalDate> {
        StrictDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            LocalDate day;
            try {
                day = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw InvalidFormatException.from(p, "not a date (yyyy-MM-dd)", text, LocalDate.class);
            }
            if (day.isBefore(EARLIEST_DATE) || day.isAfter(LATEST_DATE)) {
                throw new OutOfRange(p, text, LocalDate.class);
            }
            return day;
        }
    }

    /** ISO-8601 instant text only (no epoch numbers), within the accepted days (UTC). */
    static final class StrictInstant extends StdScalarDeserializer<Instant> {
        private static final Instant FIRST = EARLIEST_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
        private static final Instant AFTER_LAST = LATEST_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

        StrictInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText();
            Instant instant;
            try {
                instant = Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw InvalidFormatException.from(p, "not an instant", text, Instant.class);
            }
            if (instant.isBefore(FIRST) || !instant.isBefore(AFTER_LAST)) {
                throw new OutOfRange(p, text, Instant.class);
            }
            return instant;
        }
    }

    /**
     * The path of the offending field, or null when it is not made of field names a program would use: a
     * key is the caller's text, and it goes into the error (and so the logs) as the {@code <field>} token.
     */
    private static String path(JsonMappingException e) {
        String joined = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        String path = joined.replace(".[", "[");
        return path.isEmpty() || !path.matches(FIELD_PATH) ? null : path;
    }
}
