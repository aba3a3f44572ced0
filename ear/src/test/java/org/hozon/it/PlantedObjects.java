package org.hozon.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import javax.crypto.SecretKey;

import org.hozon.archive.crypto.DataKeys;
import org.hozon.archive.crypto.EnvelopeHeader;
import org.hozon.archive.crypto.EnvelopeWriter;
import org.hozon.archive.crypto.ObjectIdentity;
import org.hozon.archive.crypto.ObjectNames;
import org.hozon.archive.crypto.SegmentTable;
import org.hozon.archive.crypto.Sidecar;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Objects a restore must report as failures and never restore, put into the bucket beside the
 * real ones: a KEK the keystore does not hold, another tenant's object, a tampered segment, bytes
 * that differ from their receipt, and a data object without sidecar. They look like Hozon's own
 * (opaque 64-hex keys, "HZNE"/"HZNK" magic, no metadata), so other tests reading the bucket are
 * not disturbed; {@link #remove} takes them away again.
 */
final class PlantedObjects {
    /** A planted data object and the words its failure must contain. */
    record Planted(String objectKey, String sopIuid, String reason) {
    }

    private static final Random RANDOM = new Random();

    private PlantedObjects() {
    }

    static List<Planted> plant(S3Client s3, String bucket, SecretKey kek, String kekId, String tenant) throws Exception {
        List<Planted> planted = new ArrayList<>();
        byte[] instance = TestInstances.file(TestInstances.header("PLANTED", "Planted^Object", "19700101",
                TestInstances.uid(), TestInstances.uid(), TestInstances.uid(), TestInstances.CT, "CT"), 3);

        String retired = key();
        EnvelopeHeader h = new EnvelopeHeader(EnvelopeHeader.COMPRESSION_LZ4, EnvelopeHeader.DEFAULT_SEGMENT_SIZE,
                DataKeys.noncePrefix(), "it-retired-kek", ObjectNames.sidecarOf(retired));
        byte[] data = concat(h.encode(), random(500));
        SecretKey otherKek = DataKeys.generate();
        byte[] wrapped = DataKeys.wrap(otherKek, DataKeys.generate(), new ObjectIdentity(tenant, "1.2.3", "it-retired-kek"));
        put(s3, bucket, retired, data, new Sidecar("it-retired-kek", wrapped, Sidecar.sealReceipt(otherKek, "it-retired-kek",
                retired, new Sidecar.Receipt(tenant, "1.2.3", "00", 496)), new SegmentTable(h.encode().length,
                        new int[] {496})).encode());
        planted.add(new Planted(retired, null, "no KEK with id 'it-retired-kek'"));

        String foreign = key();
        String foreignSop = TestInstances.uid();
        byte[][] f = envelope(kek, kekId, "other-hospital", foreignSop, foreign, instance, TestInstances.sha256(instance));
        put(s3, bucket, foreign, f[0], f[1]);
        planted.add(new Planted(foreign, foreignSop, "belongs to tenant 'other-hospital'"));

        String tampered = key();
        String tamperedSop = TestInstances.uid();
        byte[][] t = envelope(kek, kekId, tenant, tamperedSop, tampered, instance, TestInstances.sha256(instance));
        t[0][t[0].length - 20] ^= 1;
        put(s3, bucket, tampered, t[0], t[1]);
        planted.add(new Planted(tampered, tamperedSop, "failed authentication"));

        String lying = key();
        String lyingSop = TestInstances.uid();
        byte[][] l = envelope(kek, kekId, tenant, lyingSop, lying, instance, TestInstances.sha256(new byte[] {1}));
        put(s3, bucket, lying, l[0], l[1]);
        planted.add(new Planted(lying, lyingSop, "differ from the receipt"));

        String alone = key();
        put(s3, bucket, alone, concat(h.encode(), random(100)), null);
        planted.add(new Planted(alone, null, "no sidecar"));
        return planted;
    }

    static void remove(S3Client s3, String bucket, List<Planted> planted) {
        for (Planted p : planted) {
            s3.deleteObject(b -> b.bucket(bucket).key(p.objectKey()));
            s3.deleteObject(b -> b.bucket(bucket).key(ObjectNames.sidecarOf(p.objectKey())));
        }
    }

    /** A data object and its sidecar for {@code plain}, sealed as the archiver does; the receipt says {@code receiptSha}. */
    private static byte[][] envelope(SecretKey kek, String kekId, String tenant, String sop, String objectKey, byte[] plain,
            String receiptSha) throws Exception {
        SecretKey dataKey = DataKeys.generate();
        EnvelopeHeader h = new EnvelopeHeader(EnvelopeHeader.COMPRESSION_LZ4, EnvelopeHeader.DEFAULT_SEGMENT_SIZE,
                DataKeys.noncePrefix(), kekId, ObjectNames.sidecarOf(objectKey));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SegmentTable table = EnvelopeWriter.encrypt(new ByteArrayInputStream(plain), out, h, dataKey);
        Sidecar sidecar = new Sidecar(kekId, DataKeys.wrap(kek, dataKey, new ObjectIdentity(tenant, sop, kekId)),
                Sidecar.sealReceipt(kek, kekId, objectKey, new Sidecar.Receipt(tenant, sop, receiptSha, plain.length)), table);
        return new byte[][] {out.toByteArray(), sidecar.encode()};
    }

    private static void put(S3Client s3, String bucket, String key, byte[] data, byte[] sidecar) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(data));
        if (sidecar != null) {
            s3.putObject(b -> b.bucket(bucket).key(ObjectNames.sidecarOf(key)), RequestBody.fromBytes(sidecar));
        }
    }

    private static String key() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
