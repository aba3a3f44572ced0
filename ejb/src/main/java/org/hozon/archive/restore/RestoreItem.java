package org.hozon.archive.restore;

import java.time.Instant;

/**
 * A data object of the bucket that a run has to restore.
 *
 * @param pk           its {@code restore_object} row
 * @param objectKey    the data object's key
 * @param size         its length (from the listing)
 * @param lastModified when it was written (from the listing)
 */
public record RestoreItem(long pk, String objectKey, long size, Instant lastModified) {
}
