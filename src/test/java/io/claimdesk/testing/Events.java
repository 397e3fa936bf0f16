package io.claimdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The sample events of {@code events/}, the same files the README uses, as editable JSON. */
public final class Events {

    /** Dates as yyyy-MM-dd, as the functions write them. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Events() {
    }

    public static ObjectNode load(String name) {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(Path.of("events", name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode evaluate(String orderId) {
        return load("evaluate-claim.json").put("orderId", orderId);
    }

    public static ObjectNode refund(String orderId) {
        return load("record-refund.json").put("orderId", orderId);
    }

    public static ObjectNode arrival(String orderId) {
        return load("flag-late-arrival.json").put("orderId", orderId);
    }

    public static ObjectNode sweep() {
        return load("scheduled-sweep.json");
    }

    /** evaluate-claim.json with the buyer's A-to-z claim filed on 2026-03-20. */
    public static ObjectNode fileClaim(String orderId) {
        return load("file-claim.json").put("orderId", orderId);
    }

    /** A late arrival's follow-up: the buyer consented to be charged again. */
    public static ObjectNode recordConsent(String orderId) {
        return load("record-consent.json").put("orderId", orderId);
    }

    /** The scheduled sweep as of {@code time}. */
    public static ObjectNode sweepAt(java.time.Instant time) {
        return sweep().put("time", time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    }

    /** Every sample event file of {@code events/}, by name. */
    public static java.util.List<String> names() {
        try (var files = Files.list(Path.of("events"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Today in Paris, where the sample events' marketplace (FR) counts its calendar days. */
    public static java.time.LocalDate todayInParis() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
    }

    /** An order id no other test uses, so tests sharing one engine never see each other's cases. */
    public static String newOrderId() {
        return "T-" + UUID.randomUUID().toString().substring(0, 18);
    }
}
