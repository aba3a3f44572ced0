package org.hozon.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.Set;

import org.hozon.dicom.Dataset;
import org.junit.jupiter.api.Test;

/**
 * Every valid test file cut at every byte position. The rule (documented on
 * {@link DicomReader#readDataset()}): a cut exactly on the boundary of a top-level element of the
 * data set parses completely (a shorter data set is indistinguishable from a truncated one
 * there), except an empty stream; a cut anywhere else - in the preamble, the File Meta Information, an element header
 * or value, or inside a sequence, item or encapsulated Pixel Data - throws DicomParseException.
 */
class TruncationTest {

    @Test
    void cutAtEveryPosition() throws Exception {
        long cases = 0;
        for (String name : TestFiles.ALL) {
            byte[] file = TestFiles.bytes(name);
            DicomReader full = TestFiles.reader(file);
            Dataset complete = full.readDataset();
            boolean deflated = full.transferSyntax().deflated();
            Set<Integer> boundaries = deflated ? Set.of() : boundaries(full, complete);
            for (int cut = 0; cut < file.length; cut++) {
                boolean knownLength = (cut & 1) == 0;
                cases++;
                Dataset ds;
                try {
                    ds = new DicomReader(new ByteArrayInputStream(file, 0, cut), knownLength ? cut : -1).readDataset();
                } catch (DicomParseException expected) {
                    if (boundaries.contains(cut)) {
                        fail(name + " cut at boundary " + cut + " failed: " + expected.getMessage());
                    }
                    continue;
                } catch (Throwable t) {
                    throw new AssertionError(name + " cut at " + cut + ": " + t, t);
                }
                if (deflated) {
                    // only the padding byte after the deflate stream may go
                    assertEquals(complete, ds, name + " cut at " + cut);
                    continue;
                }
                assertTrue(boundaries.contains(cut), name + " cut at " + cut + " parsed as " + ds.size() + " elements");
                for (int i = 0; i < ds.size(); i++) {
                    assertEquals(complete.tagAt(i), ds.tagAt(i));
                    assertTrue(Dataset.class.cast(ds).valueAt(i) != null);
                }
            }
        }
        assertTrue(cases > 50_000, "cases " + cases);
    }

    /** File offsets at which a top-level element of the data set ends (or the data set starts). */
    private static Set<Integer> boundaries(DicomReader reader, Dataset complete) throws Exception {
        Set<Integer> ends = new HashSet<>();
        for (int k = 0; k < complete.size(); k++) {
            Dataset prefix = new Dataset(complete.bigEndian(), null);
            for (int i = 0; i < k; i++) {
                prefix.set(complete.tagAt(i), complete.vrAt(i), complete.valueAt(i));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DicomWriter writer = new DicomWriter(out);
            if (reader.fileMetaInformation() != null) {
                writer.preamble(reader.preamble()).writeFile(reader.fileMetaInformation(), prefix);
            } else {
                writer.writeDataset(prefix, reader.transferSyntax());
            }
            ends.add(out.size());
        }
        ends.remove(0);     // an empty stream is rejected, not read as an empty bare data set
        return ends;
    }
}
