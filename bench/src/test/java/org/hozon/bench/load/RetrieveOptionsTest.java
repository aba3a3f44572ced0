package org.hozon.bench.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RetrieveOptionsTest {

    @Test
    void takesItsOptionsAndLeavesTheOthers() {
        RetrieveOptions.Split s = RetrieveOptions.split(new String[] {"http://h/dicom-web", "--clients", "4",
            "--retrieve-study", "--retrieve-clients", "2,8", "--frame", "--series-size", "50", "--skip-stow"});
        assertTrue(s.options().study);
        assertTrue(s.options().frame);
        assertFalse(s.options().metadata);
        assertEquals(List.of(2, 8), s.options().clients);
        assertEquals(50, s.options().seriesSize);
        assertArrayEquals(new String[] {"http://h/dicom-web", "--clients", "4", "--skip-stow"}, s.rest());
        LoadOptions.parse(s.rest()); // what is left is valid for the STOW/QIDO parser
    }

    @Test
    void withoutModesNothingRuns() {
        assertFalse(RetrieveOptions.split(new String[] {"http://h"}).options().any());
    }

    @Test
    void refusesBadValues() {
        assertThrows(IllegalArgumentException.class,
                () -> RetrieveOptions.split(new String[] {"http://h", "--series-size", "0"}));
        assertThrows(IllegalArgumentException.class,
                () -> RetrieveOptions.split(new String[] {"http://h", "--retrieve-clients"}));
        assertThrows(IllegalArgumentException.class,
                () -> RetrieveOptions.split(new String[] {"http://h", "--retrieve-duration", "x"}));
    }

    @Test
    void aFrameAnswerMustCarryExactlyThePixels() throws Exception {
        byte[] pixels = {1, 2, 3, 4};
        String multipart = "--b\r\nContent-Type: application/octet-stream\r\n\r\n\u0001\u0002\u0003\u0004\r\n--b--\r\n";
        assertEquals(null, RetrieveModes.checkFrame(pixels, "multipart/related; type=\"application/octet-stream\"; "
                + "boundary=b", multipart.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        assertEquals(null, RetrieveModes.checkFrame(pixels, "application/octet-stream", pixels));
        assertTrue(RetrieveModes.checkFrame(pixels, "application/octet-stream", new byte[] {1, 2, 3}) != null);
    }
}
