package org.hozon.dicom;

/**
 * DICOM Value Representations (PS3.5 §6.2) with the properties the encoder and decoder need.
 *
 * <p>{@link #longHeader()} tells whether, in Explicit VR, the element header carries two reserved
 * bytes and a 32-bit length (PS3.5 §7.1.2); {@link #paddingByte()} is the byte used to reach an
 * even length; {@link #kind()} groups VRs that are handled alike.
 */
public enum VR {
    /** Application Entity. */
    AE(Kind.STRING, 0x20, false, 0, false),
    /** Age String. */
    AS(Kind.STRING, 0x20, false, 0, false),
    /** Attribute Tag. */
    AT(Kind.BINARY, 0x00, false, 4, false),
    /** Code String. */
    CS(Kind.STRING, 0x20, false, 0, false),
    /** Date. */
    DA(Kind.STRING, 0x20, false, 0, false),
    /** Decimal String. */
    DS(Kind.STRING, 0x20, false, 0, false),
    /** Date Time. */
    DT(Kind.STRING, 0x20, false, 0, false),
    /** Floating Point Double. */
    FD(Kind.BINARY, 0x00, false, 8, false),
    /** Floating Point Single. */
    FL(Kind.BINARY, 0x00, false, 4, false),
    /** Integer String. */
    IS(Kind.STRING, 0x20, false, 0, false),
    /** Long String. */
    LO(Kind.STRING, 0x20, false, 0, true),
    /** Long Text. */
    LT(Kind.TEXT, 0x20, false, 0, true),
    /** Other Byte. */
    OB(Kind.BINARY, 0x00, true, 1, false),
    /** Other Double. */
    OD(Kind.BINARY, 0x00, true, 8, false),
    /** Other Float. */
    OF(Kind.BINARY, 0x00, true, 4, false),
    /** Other Long. */
    OL(Kind.BINARY, 0x00, true, 4, false),
    /** Other 64-bit Very Long. */
    OV(Kind.BINARY, 0x00, true, 8, false),
    /** Other Word. */
    OW(Kind.BINARY, 0x00, true, 2, false),
    /** Person Name. */
    PN(Kind.STRING, 0x20, false, 0, true),
    /** Short String. */
    SH(Kind.STRING, 0x20, false, 0, true),
    /** Signed Long. */
    SL(Kind.BINARY, 0x00, false, 4, false),
    /** Sequence of Items. */
    SQ(Kind.SEQUENCE, 0x00, true, 0, false),
    /** Signed Short. */
    SS(Kind.BINARY, 0x00, false, 2, false),
    /** Short Text. */
    ST(Kind.TEXT, 0x20, false, 0, true),
    /** Signed 64-bit Very Long. */
    SV(Kind.BINARY, 0x00, true, 8, false),
    /** Time. */
    TM(Kind.STRING, 0x20, false, 0, false),
    /** Unlimited Characters. */
    UC(Kind.STRING, 0x20, true, 0, true),
    /** Unique Identifier (UID). */
    UI(Kind.STRING, 0x00, false, 0, false),
    /** Unsigned Long. */
    UL(Kind.BINARY, 0x00, false, 4, false),
    /** Unknown. */
    UN(Kind.BINARY, 0x00, true, 1, false),
    /** Universal Resource Identifier or Universal Resource Locator (URI/URL). */
    UR(Kind.TEXT, 0x20, true, 0, false),
    /** Unsigned Short. */
    US(Kind.BINARY, 0x00, false, 2, false),
    /** Unlimited Text. */
    UT(Kind.TEXT, 0x20, true, 0, true),
    /** Unsigned 64-bit Very Long. */
    UV(Kind.BINARY, 0x00, true, 8, false);

    /** How values of a VR are represented. */
    public enum Kind {
        /** Character string; several values are separated by a backslash. */
        STRING,
        /** Character string holding exactly one value; a backslash is an ordinary character. */
        TEXT,
        /** Binary values (numbers, tags, byte and word streams). */
        BINARY,
        /** Sequence of items. */
        SEQUENCE
    }

    private static final VR[] BY_CODE = new VR[65536];

    static {
        for (VR vr : values()) {
            BY_CODE[vr.code] = vr;
        }
    }

    private final Kind kind;
    private final int paddingByte;
    private final boolean longHeader;
    private final int bytesPerValue;
    private final boolean characterSetSensitive;
    private final int code;

    VR(Kind kind, int paddingByte, boolean longHeader, int bytesPerValue, boolean characterSetSensitive) {
        this.kind = kind;
        this.paddingByte = paddingByte;
        this.longHeader = longHeader;
        this.bytesPerValue = bytesPerValue;
        this.characterSetSensitive = characterSetSensitive;
        this.code = (name().charAt(0) << 8) | name().charAt(1);
    }

    /**
     * The VR whose two-letter code is {@code code} (first letter in the high byte, as it appears in
     * an Explicit VR header), or {@code null} if there is none.
     */
    public static VR ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** The two ASCII letters of this VR as a 16-bit number, first letter in the high byte. */
    public int code() {
        return code;
    }

    /** How values of this VR are represented. */
    public Kind kind() {
        return kind;
    }

    /** Byte appended to reach an even value length: space for text, NUL for UI and binary VRs. */
    public int paddingByte() {
        return paddingByte;
    }

    /** True if the Explicit VR header of this VR has 2 reserved bytes and a 32-bit length. */
    public boolean longHeader() {
        return longHeader;
    }

    /** Size of one value for binary VRs (1 for OB and UN), 0 for string VRs and SQ. */
    public int bytesPerValue() {
        return bytesPerValue;
    }

    /** True if values are text decoded with the Specific Character Set (0008,0005). */
    public boolean characterSetSensitive() {
        return characterSetSensitive;
    }

    /** True for character-string VRs (multi-valued or single text). */
    public boolean isString() {
        return kind == Kind.STRING || kind == Kind.TEXT;
    }

    /** True for binary VRs (numbers, tags, byte and word streams). */
    public boolean isBinary() {
        return kind == Kind.BINARY;
    }

    /** True for the binary VRs whose bytes must be swapped when the byte order changes. */
    public boolean swapsBytes() {
        return kind == Kind.BINARY && bytesPerValue > 1;
    }

    /** True for OB, OD, OF, OL, OV, OW and UN: values that may be large (bulk data candidates). */
    public boolean isBulkCandidate() {
        return longHeader && kind == Kind.BINARY && this != SV && this != UV;
    }
}
