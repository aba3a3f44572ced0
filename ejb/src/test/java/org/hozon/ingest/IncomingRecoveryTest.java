package org.hozon.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What start-up does with what a crash left in {@code .incoming}. */
class IncomingRecoveryTest {
    private static final String COMMITTED = "1.2.826.0.1.3680043.9.7599.1";
    private static final String UNCOMMITTED = "1.2.826.0.1.3680043.9.7599.2";

    @TempDir
    Path root;

    @Test
    void partsAndUncommittedFilesGoCommittedOnesStay() throws IOException {
        Path incoming = Files.createDirectories(root.resolve(StorePaths.INCOMING));
        Path part = Files.writeString(incoming.resolve(StorePaths.partName()), "half a part");
        String committedPath = StorePaths.storagePath("1.2.3", "1.2.3.4", COMMITTED);
        String uncommittedPath = StorePaths.storagePath("1.2.3", "1.2.3.4", UNCOMMITTED);
        Path committedFile = write(committedPath);
        Path uncommittedFile = write(uncommittedPath);
        Path committedMark = Files.createFile(incoming.resolve(StorePaths.pendingName(COMMITTED, committedPath)));
        Path uncommittedMark = Files.createFile(incoming.resolve(StorePaths.pendingName(UNCOMMITTED, uncommittedPath)));
        Path stranger = Files.writeString(incoming.resolve("notes.txt"), "not ours");
        Map<String, List<String>> index = Map.of(COMMITTED, List.of(committedPath));

        IncomingRecovery.Outcome done = IncomingRecovery.clean(root, uid -> index.getOrDefault(uid, List.of()));

        assertEquals(new IncomingRecovery.Outcome(1, 1, 1), done);
        assertFalse(Files.exists(part), "a partial reception is deleted");
        assertTrue(Files.exists(committedFile), "the file of a committed instance stays");
        assertFalse(Files.exists(committedMark));
        assertFalse(Files.exists(uncommittedFile), "a file the index does not name is deleted");
        assertFalse(Files.exists(uncommittedMark));
        assertTrue(Files.exists(stranger), "unknown names are left alone");
    }

    @Test
    void aStoreWithoutIncomingIsLeftAsItIs() {
        assertEquals(new IncomingRecovery.Outcome(0, 0, 0), IncomingRecovery.clean(root, uid -> List.of()));
    }

    @Test
    void anInstanceStoredAgainAtAnotherPathDoesNotSaveTheOldFile() throws IOException {
        Files.createDirectories(root.resolve(StorePaths.INCOMING));
        String crashed = StorePaths.storagePath("1.2.3", "1.2.3.4", COMMITTED);
        String indexed = StorePaths.storagePath("1.2.3", "1.2.3.4", COMMITTED);
        Path crashedFile = write(crashed);
        Files.createFile(root.resolve(StorePaths.INCOMING).resolve(StorePaths.pendingName(COMMITTED, crashed)));

        IncomingRecovery.clean(root, uid -> List.of(indexed));

        assertFalse(Files.exists(crashedFile), "the index names another file for the UID");
    }

    private Path write(String storagePath) throws IOException {
        Path file = StorePaths.resolve(root, storagePath);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "DICM");
    }
}
