package org.hozon.dicom.dict;

import java.util.Objects;

/**
 * One UID of the registry of PS3.6 Table A-1.
 *
 * @param uid the UID, e.g. "1.2.840.10008.1.2.1"
 * @param name the name, e.g. "Explicit VR Little Endian"
 * @param keyword the keyword, e.g. "ExplicitVRLittleEndian"
 * @param type the type, e.g. {@link UidType#TRANSFER_SYNTAX}
 * @param retired true if the UID is retired
 * @param info the remark of Table A-1, e.g. "Default Transfer Syntax for DICOM"; empty if none
 */
public record UidEntry(String uid, String name, String keyword, UidType type, boolean retired, String info) {

    public UidEntry {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(info, "info");
    }
}
