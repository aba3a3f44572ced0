package org.hozon.dicom;

/** STUB: replaced by the generated table of every standard attribute. */
public final class Tag {
    private Tag() {
    }

    public static final int FileMetaInformationGroupLength = 0x00020000;
    public static final int TransferSyntaxUID = 0x00020010;
    public static final int SpecificCharacterSet = 0x00080005;
    public static final int SOPClassUID = 0x00080016;
    public static final int SOPInstanceUID = 0x00080018;
    public static final int PatientName = 0x00100010;
    public static final int StudyInstanceUID = 0x0020000D;
    public static final int SeriesInstanceUID = 0x0020000E;
    public static final int PixelData = 0x7FE00010;
}
