/**
 * Ingest: receiving instances (STOW-RS parts) into the local store and the index, crash-safely.
 *
 * <p>Per instance: stream to a temporary file while hashing and parsing
 * ({@link org.hozon.ingest.InstanceReceiver}), validate, fsync, link into the store, index in one
 * transaction ({@link org.hozon.ingest.InstanceIndexer}), and only then acknowledge
 * ({@link org.hozon.ingest.IngestService}). {@link org.hozon.ingest.IncomingRecovery} finishes
 * or undoes what a crash interrupted.
 */
package org.hozon.ingest;
