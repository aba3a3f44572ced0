package org.hozon.persistence.index;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A stored instance: its instance-level attributes, where its bytes lie in the local store, their
 * size and SHA-256 as received, and its whole header ({@link StoredHeader}).
 */
@Entity
@Table(name = "instance")
public class Instance {

    /** {@code availability} of an instance whose bytes are in the local store. */
    public static final String ONLINE = "ONLINE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "pk")
    private Long pk;

    @Column(name = "series_fk", nullable = false)
    private Long seriesFk;

    @Column(name = "sop_iuid", nullable = false, length = 64)
    private String sopIuid;

    @Column(name = "sop_cuid", nullable = false, length = 64)
    private String sopCuid;

    @Column(name = "instance_number")
    private Integer instanceNumber;

    @Column(name = "num_frames")
    private Integer numFrames;

    @Column(name = "rows_")
    private Integer rows;

    @Column(name = "columns_")
    private Integer columns;

    @Column(name = "bits_allocated")
    private Integer bitsAllocated;

    @Column(name = "content_date", length = 8)
    private String contentDate;

    @Column(name = "content_time", length = 13)
    private String contentTime;

    @Column(name = "transfer_syntax_uid", nullable = false, length = 64)
    private String transferSyntaxUid;

    @Column(name = "specific_charset", length = 256)
    private String specificCharset;

    @Column(name = "timezone_offset", length = 5)
    private String timezoneOffset;

    @Column(name = "storage_path", nullable = false, length = 512)
    private String storagePath;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "pixel_data_offset")
    private Long pixelDataOffset;

    @Column(name = "pixel_data_length")
    private Long pixelDataLength;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "header", nullable = false)
    private byte[] header;

    @Column(name = "availability", nullable = false, length = 16)
    private String availability;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "received_from", length = 256)
    private String receivedFrom;

    /** For JPA. */
    protected Instance() {
    }

    /**
     * A new instance, {@link #ONLINE}.
     *
     * @param seriesFk          the series
     * @param sopIuid           SOP Instance UID
     * @param sopCuid           SOP Class UID
     * @param transferSyntaxUid transfer syntax of the stored bytes
     * @param storagePath       path of the file relative to the local store's root
     * @param sizeBytes         size of the file
     * @param sha256            SHA-256 of the file, lower-case hex
     * @param header            {@link StoredHeader#encode} of the data set
     * @param receivedAt        when it was received
     * @param receivedFrom      the sender (address or principal), or null
     */
    public Instance(Long seriesFk, String sopIuid, String sopCuid, String transferSyntaxUid, String storagePath,
            long sizeBytes, String sha256, byte[] header, Instant receivedAt, String receivedFrom) {
        this.seriesFk = seriesFk;
        this.sopIuid = sopIuid;
        this.sopCuid = sopCuid;
        this.transferSyntaxUid = transferSyntaxUid;
        this.storagePath = storagePath;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.header = header;
        this.availability = ONLINE;
        this.receivedAt = receivedAt;
        this.receivedFrom = receivedFrom;
    }

    /** Sets Instance Number, Number of Frames, Rows, Columns and Bits Allocated (null if absent). */
    public void describeImage(Integer number, Integer frames, Integer rows, Integer columns, Integer bitsAllocated) {
        this.instanceNumber = number;
        this.numFrames = frames;
        this.rows = rows;
        this.columns = columns;
        this.bitsAllocated = bitsAllocated;
    }

    /** Sets Content Date and Time (normalized TM). */
    public void content(String date, String time) {
        this.contentDate = date;
        this.contentTime = time;
    }

    /** Sets Specific Character Set and Timezone Offset From UTC as received. */
    public void charsetAndTimezone(String charset, String timezone) {
        this.specificCharset = charset;
        this.timezoneOffset = timezone;
    }

    /** Sets where Pixel Data's value lies in the file (offset of the first value byte; length, -1 if encapsulated). */
    public void pixelData(Long offset, Long length) {
        this.pixelDataOffset = offset;
        this.pixelDataLength = length;
    }

    /** @return the primary key */
    public Long pk() {
        return pk;
    }

    /** @return the series' primary key */
    public Long seriesFk() {
        return seriesFk;
    }

    /** @return SOP Instance UID */
    public String sopIuid() {
        return sopIuid;
    }

    /** @return SOP Class UID */
    public String sopCuid() {
        return sopCuid;
    }

    /** @return the file's path relative to the local store's root */
    public String storagePath() {
        return storagePath;
    }

    /** @return the file's size */
    public long sizeBytes() {
        return sizeBytes;
    }

    /** @return SHA-256 of the file as received, lower-case hex */
    public String sha256() {
        return sha256;
    }

    /** @return the encoded header ({@link StoredHeader}) */
    public byte[] header() {
        return header;
    }

    /** @return the transfer syntax UID of the stored bytes */
    public String transferSyntaxUid() {
        return transferSyntaxUid;
    }
}
