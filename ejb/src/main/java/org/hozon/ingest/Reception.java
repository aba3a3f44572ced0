package org.hozon.ingest;

/**
 * What receiving one part gave: an instance in a temporary file, ready to be stored, or the
 * reason it was refused.
 *
 * @param instance the received instance, or null if refused
 * @param refusal  the failure to report, or null if received
 */
public record Reception(ReceivedInstance instance, StoreResult refusal) {

    static Reception of(ReceivedInstance instance) {
        return new Reception(instance, null);
    }

    static Reception refused(StoreResult refusal) {
        return new Reception(null, refusal);
    }
}
