package org.hozon.dicom.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.hozon.dicom.BulkData;

/**
 * Opens the bytes of a {@link BulkData} value in its source, so {@link DicomWriter} streams
 * values that were never read into memory.
 */
@FunctionalInterface
public interface BulkDataSource {

    /** A stream positioned at {@code bulk.offset()} with at least {@code bulk.length()} bytes. */
    InputStream open(BulkData bulk) throws IOException;

    /** Bulk data of a file read with {@link DicomReader} (not deflated: offsets are file offsets). */
    static BulkDataSource ofFile(Path file) {
        return bulk -> {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                channel.position(bulk.offset());
                return Channels.newInputStream(channel);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        };
    }

    /** A source that refuses: for data sets that hold no {@link BulkData}. */
    static BulkDataSource none() {
        return bulk -> {
            throw new IOException("no bulk data source to read " + bulk);
        };
    }
}
