package org.hozon.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Where instances go in the local store. UIDs never become path names: the path is built from
 * SHA-256 hashes of the (already validated) UIDs, plus a random part so that a second reception
 * of the same SOP Instance UID never touches the file of the first:
 * {@code <h(study)[0,2)>/<h(study)[0,32)>/<h(series)[0,16)>/<h(sop)[0,24)>-<random>.dcm}.
 * The first level spreads studies over 256 directories; a study's files stay together.
 *
 * <p>Work in progress lives in {@code <store>/.incoming}: {@code <random>.part} while a part is
 * received, then {@code <SOP Instance UID>~<relative path with '/' as '+'>.pending} from the
 * moment the file is linked into the store until its index transaction has ended. Both names
 * are made of validated UIDs, hex digits and '+', '-', '~', '.'.
 */
public final class StorePaths {
    /** Directory (under the store root) of temporary and pending files. */
    public static final String INCOMING = ".incoming";
    static final String PART_SUFFIX = ".part";
    static final String PENDING_SUFFIX = ".pending";

    private StorePaths() {
    }

    /** @return a relative storage path for this instance, unique to this reception */
    public static String storagePath(String studyUid, String seriesUid, String sopUid) {
        String study = hash(studyUid);
        return study.substring(0, 2) + '/' + study.substring(0, 32) + '/' + hash(seriesUid).substring(0, 16) + '/'
                + hash(sopUid).substring(0, 24) + '-' + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                + ".dcm";
    }

    /** @return a fresh temporary file name in {@link #INCOMING} */
    static String partName() {
        return UUID.randomUUID() + PART_SUFFIX;
    }

    /** @return the pending-marker name for an instance linked at {@code storagePath} */
    static String pendingName(String sopUid, String storagePath) {
        return sopUid + '~' + storagePath.replace('/', '+') + PENDING_SUFFIX;
    }

    /**
     * @param pendingName a name made by {@link #pendingName}
     * @return {SOP Instance UID, storage path}, or null if the name is not one
     */
    static String[] parsePending(String pendingName) {
        if (!pendingName.endsWith(PENDING_SUFFIX)) {
            return null;
        }
        int tilde = pendingName.indexOf('~');
        if (tilde < 0) {
            return null;
        }
        String uid = pendingName.substring(0, tilde);
        String path = pendingName.substring(tilde + 1, pendingName.length() - PENDING_SUFFIX.length()).replace('+', '/');
        if (!Uids.isValid(uid) || !path.matches("[0-9a-f]{2}/[0-9a-f]{32}/[0-9a-f]{16}/[0-9a-f]{24}-[0-9a-f]{12}\\.dcm")) {
            return null;
        }
        return new String[] {uid, path};
    }

    /** Resolves a storage path (as the index holds it) against the store root. */
    public static Path resolve(Path root, String storagePath) {
        return root.resolve(storagePath);
    }

    /** @return SHA-256 of a UID, lower-case hex */
    static String hash(String uid) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(uid.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
