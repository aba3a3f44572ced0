package org.hozon.ingest;

/**
 * All the index transaction needs about one received instance.
 *
 * @param instance    the received instance
 * @param storagePath where its file is, relative to the store root
 * @param header      {@link org.hozon.persistence.index.StoredHeader#encode} of its data set
 * @param source      the sender's address, or null
 * @param actor       the authenticated principal, or null
 * @param archived    the archive copy it was restored from, or null (received: to be archived)
 */
public record IndexRequest(ReceivedInstance instance, String storagePath, byte[] header, String source, String actor,
        ArchivedCopy archived) {
}
