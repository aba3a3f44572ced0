package org.hozon.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** The test server's local store, seen from the test (layout as org.hozon.ingest.StorePaths documents it). */
final class Store {
    private Store() {
    }

    static Path root() {
        return TestDatabase.dataDir().resolve("store");
    }

    /** The files stored for a study (its directory is named by a hash of the UID). */
    static List<Path> filesOfStudy(String studyUid) throws Exception {
        String h = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(studyUid.getBytes(StandardCharsets.US_ASCII)));
        Path dir = root().resolve(h.substring(0, 2)).resolve(h.substring(0, 32));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** Whether the work-in-progress directory holds no file (all receptions ended cleanly). */
    static boolean incomingIsClean() throws IOException {
        Path incoming = root().resolve(".incoming");
        if (!Files.isDirectory(incoming)) {
            return true;
        }
        try (Stream<Path> files = Files.list(incoming)) {
            return files.findAny().isEmpty();
        }
    }
}
