package io.claimdesk.policy;

import java.time.LocalDate;
import java.util.Objects;

/** One report that the original parcel arrived on {@code deliveredOn}, as {@code source} says; recorded on {@code recordedOn}. */
public record Arrival(LocalDate deliveredOn, ArrivalSource source, LocalDate recordedOn) {

    public Arrival {
        Objects.requireNonNull(deliveredOn, "deliveredOn");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recordedOn, "recordedOn");
    }
}
