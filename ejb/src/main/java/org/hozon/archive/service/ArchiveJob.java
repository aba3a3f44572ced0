package org.hozon.archive.service;

import java.util.Set;

/**
 * A claimed archive task with what the archiver needs to know about its instance.
 *
 * @param taskPk       the task
 * @param instancePk   the instance
 * @param sopIuid      its SOP Instance UID
 * @param storagePath  its file, relative to the local store
 * @param sha256       SHA-256 recorded at receipt, hex
 * @param size         its length
 * @param keyId        the KEK that wraps its data key
 * @param wrappedKey   the wrapped data key
 * @param noncePrefix  the envelope's nonce prefix
 * @param objectKey    the data object's key (the same in every target)
 * @param attempt      this attempt's number (1 = first)
 * @param copiedTo     the targets that hold a recorded copy already
 * @param deletionsPendingIn the targets where an earlier copy under the same key waits for deletion
 * @param catchUp      whether the task was ARCHIVED already and only optional copies are missing
 */
public record ArchiveJob(long taskPk, long instancePk, String sopIuid, String storagePath, String sha256, long size,
        String keyId, byte[] wrappedKey, byte[] noncePrefix, String objectKey, int attempt, Set<String> copiedTo,
        Set<String> deletionsPendingIn, boolean catchUp) {
}
