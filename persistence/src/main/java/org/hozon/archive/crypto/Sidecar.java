package org.hozon.archive.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The small object beside each data object: everything needed, with the KEK, to open it - and
 * nothing readable without the KEK. Layout (big-endian):
 * <pre>
 * "HZNK" magic, version (1 byte, 1)
 * key id            1 + n bytes UTF-8
 * wrapped data key  2 + n bytes ({@link DataKeys})
 * sealed identity   2 + n bytes: nonce (12) || AES-256-GCM(KEK, receipt) with tag, authenticated data
 *                   "hozon-receipt-v1" 0 key id 0 data object key; receipt = tenant, SOP Instance UID,
 *                   SHA-256 at receipt and size, as UTF-8 lines
 * segment table     4 (header length) + 4 (count) + 4 per segment (sealed lengths)
 * </pre>
 * The sealed receipt lets a restore learn which instance an opaque object holds, and check the
 * restored bytes against the SHA-256 recorded when Hozon received them.
 *
 * @param keyId          the KEK id
 * @param wrappedKey     the wrapped data key
 * @param sealedIdentity the sealed receipt
 * @param segments       where the segments are
 */
public record Sidecar(String keyId, byte[] wrappedKey, byte[] sealedIdentity, SegmentTable segments) {
    private static final byte[] MAGIC = {'H', 'Z', 'N', 'K'};
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * What Hozon received, sealed in the sidecar.
     *
     * @param tenant         the hospital
     * @param sopInstanceUid the instance
     * @param sha256         SHA-256 of the received bytes, hex
     * @param size           their length
     */
    public record Receipt(String tenant, String sopInstanceUid, String sha256, long size) {
    }

    /** @return the sidecar's bytes */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeByte(1);
            byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
            out.writeByte(id.length);
            out.write(id);
            out.writeShort(wrappedKey.length);
            out.write(wrappedKey);
            out.writeShort(sealedIdentity.length);
            out.write(sealedIdentity);
            out.writeInt(segments.headerLength());
            int[] lengths = segments.sealedLengths();
            out.writeInt(lengths.length);
            for (int l : lengths) {
                out.writeInt(l);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param bytes a sidecar's bytes
     * @return the sidecar
     * @throws EnvelopeException if they are not a sidecar
     */
    public static Sidecar decode(byte[] bytes) throws EnvelopeException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte[] magic = in.readNBytes(4);
            if (!Arrays.equals(magic, MAGIC) || in.readUnsignedByte() != 1) {
                throw new EnvelopeException("not a Hozon sidecar of version 1");
            }
            String keyId = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
            byte[] wrapped = in.readNBytes(in.readUnsignedShort());
            byte[] identity = in.readNBytes(in.readUnsignedShort());
            int headerLength = in.readInt();
            int count = in.readInt();
            if (count < 1 || count > (bytes.length / 4)) {
                throw new EnvelopeException("sidecar has an impossible segment count " + count);
            }
            int[] lengths = new int[count];
            for (int i = 0; i < count; i++) {
                lengths[i] = in.readInt();
            }
            if (in.read() >= 0) {
                throw new EnvelopeException("sidecar has trailing bytes");
            }
            return new Sidecar(keyId, wrapped, identity, new SegmentTable(headerLength, lengths));
        } catch (EnvelopeException e) {
            throw e;
        } catch (IOException e) {
            throw new EnvelopeException("truncated sidecar", e);
        }
    }

    /**
     * Seals a receipt under the KEK, bound to the data object's key.
     *
     * @return the sealed receipt
     */
    public static byte[] sealReceipt(SecretKey kek, String keyId, String dataObject, Receipt receipt) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        String text = receipt.tenant() + '\n' + receipt.sopInstanceUid() + '\n' + receipt.sha256() + '\n' + receipt.size();
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(128, nonce));
            c.updateAAD(receiptAad(keyId, dataObject));
            byte[] sealed = c.doFinal(text.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, 12 + sealed.length);
            System.arraycopy(sealed, 0, out, 12, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a receipt", e);
        }
    }

    /**
     * Opens the sealed receipt.
     *
     * @param kek        the KEK named by {@link #keyId()}
     * @param dataObject the data object's key this sidecar belongs to
     * @return the receipt
     * @throws EnvelopeException if it does not authenticate
     */
    public Receipt openReceipt(SecretKey kek, String dataObject) throws EnvelopeException {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(128, sealedIdentity, 0, 12));
            c.updateAAD(receiptAad(keyId, dataObject));
            String[] lines = new String(c.doFinal(sealedIdentity, 12, sealedIdentity.length - 12), StandardCharsets.UTF_8)
                    .split("\n", -1);
            if (lines.length != 4) {
                throw new EnvelopeException("malformed receipt");
            }
            return new Receipt(lines[0], lines[1], lines[2], Long.parseLong(lines[3]));
        } catch (GeneralSecurityException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new EnvelopeException("receipt does not authenticate for this object and key id", e);
        }
    }

    private static byte[] receiptAad(String keyId, String dataObject) {
        return ("hozon-receipt-v1\0" + keyId + '\0' + dataObject).getBytes(StandardCharsets.UTF_8);
    }
}
