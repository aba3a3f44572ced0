package org.hozon.ingest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** File-system steps whose effect must survive a crash once they return. */
final class DurableFiles {
    private DurableFiles() {
    }

    /** Forces a directory's entries to disk (new, renamed or linked names in it). */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /**
     * Creates {@code dir} and missing parents up to {@code root}; each directory created is made
     * durable in its parent.
     */
    static void createDirectories(Path root, Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (!dir.equals(root) && parent != null && !Files.isDirectory(parent)) {
            createDirectories(root, parent);
        }
        try {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            return; // a parallel request made it
        }
        syncDirectory(parent);
    }

    /** Deletes a file if it exists; failures are reported as false (the recovery at start-up retries). */
    static boolean deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
