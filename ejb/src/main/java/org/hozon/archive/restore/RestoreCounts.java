package org.hozon.archive.restore;

/**
 * How many objects of a run are in each state, and their bytes.
 *
 * @param pending         objects not done yet
 * @param restored        objects restored
 * @param skipped         objects whose instance was in the index already, with the same SHA-256
 * @param failed          objects that could not be restored
 * @param bytesFound      length of every object found (ciphertext)
 * @param bytesProcessed  length of the objects done (restored, skipped or failed)
 * @param bytesRestored   length of the instances restored (plaintext)
 */
public record RestoreCounts(long pending, long restored, long skipped, long failed, long bytesFound, long bytesProcessed,
        long bytesRestored) {

    /** No object yet. */
    public static final RestoreCounts NONE = new RestoreCounts(0, 0, 0, 0, 0, 0, 0);

    /** @return every object found */
    public long found() {
        return pending + restored + skipped + failed;
    }
}
