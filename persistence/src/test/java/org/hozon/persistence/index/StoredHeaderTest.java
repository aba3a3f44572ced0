package org.hozon.persistence.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hozon.dicom.BulkData;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Tag;
import org.hozon.dicom.VR;
import org.junit.jupiter.api.Test;

class StoredHeaderTest {

    @Test
    void roundTripsHeaderWithBulkReferencesAtTopLevelAndInItems() {
        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.PatientName, VR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう");
        ds.setInt(Tag.Rows, VR.US, 512);
        Dataset icon = ds.newSequence(Tag.IconImageSequence).addItem();
        icon.setInt(Tag.Rows, VR.US, 64);
        icon.set(Tag.PixelData, VR.OB, new BulkData(1200, 4096, false));
        ds.newSequence(Tag.ReferencedImageSequence).addItem().setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.3");
        ds.set(Tag.PixelData, VR.OW, new BulkData(6000, 524288, false));

        Dataset decoded = StoredHeader.decode(StoredHeader.encode(ds));

        assertEquals(ds, decoded);
        assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう", decoded.getString(Tag.PatientName));
        assertEquals(new BulkData(1200, 4096, false), decoded.sequence(Tag.IconImageSequence).get(0).value(Tag.PixelData));
    }

    @Test
    void rejectsBytesThatAreNotAStoredHeader() {
        assertThrows(IllegalArgumentException.class, () -> StoredHeader.decode(new byte[] {1, 2, 3, 4, 0, 0, 0, 0}));
    }
}
