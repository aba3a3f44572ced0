package org.hozon.dicom.dict;

import org.hozon.dicom.Tags;
import org.hozon.dicom.VR;

/**
 * STUB (replaced by the generated dictionary): the data dictionary of PS3.6.
 */
public final class ElementDictionary {
    private ElementDictionary() {
    }

    /** The VR of {@code tag} (the first if several are allowed); UN if unknown or private. */
    public static VR vrOf(int tag) {
        if (Tags.isGroupLength(tag)) {
            return VR.UL;
        }
        if (Tags.isPrivateCreator(tag)) {
            return VR.LO;
        }
        return VR.UN;
    }

    /** The keyword of {@code tag}, or null if it has none. */
    public static String keywordOf(int tag) {
        return null;
    }

    /** The tag with keyword {@code keyword}, or -1. */
    public static int tagOf(String keyword) {
        return -1;
    }
}
