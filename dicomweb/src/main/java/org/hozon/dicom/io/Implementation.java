package org.hozon.dicom.io;

/** How Hozon identifies itself in the File Meta Information it writes (PS3.7 §D.3.3.2). */
public final class Implementation {
    /**
     * Hozon's UID root: {@code 2.25.} followed by the decimal value of a random UUID
     * (3820c0e3-5b5f-4080-b3af-bf0421e988b5), as PS3.5 §B.2 allows without registration.
     */
    public static final String UID_ROOT = "2.25.74606833499143483677643916460809619637";
    /** Implementation Class UID (0002,0012). */
    public static final String CLASS_UID = UID_ROOT + ".1";
    /** Implementation Version Name (0002,0013), at most 16 characters. */
    public static final String VERSION_NAME = "HOZON_0.1";

    private Implementation() {
    }
}
