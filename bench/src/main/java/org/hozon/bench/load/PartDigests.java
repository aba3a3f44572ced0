package org.hozon.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.hozon.dicomweb.multipart.MultipartReader;
import org.hozon.dicomweb.multipart.Part;

/**
 * SHA-256 of each part of a multipart body, sorted: two bodies carry the same parts, byte for
 * byte, whatever their order, when their lists are equal. Used to check samples of retrieved
 * studies against the STOW-RS bodies that stored them.
 */
final class PartDigests {
    private PartDigests() {
    }

    /** The sorted hex SHA-256 of every part of {@code body}, split by the boundary of {@code contentType}. */
    static List<String> of(InputStream body, String contentType) throws IOException {
        List<String> out = new ArrayList<>();
        byte[] buf = new byte[64 * 1024];
        try (MultipartReader reader = MultipartReader.forContentType(body, contentType)) {
            for (Part part = reader.nextPart(); part != null; part = reader.nextPart()) {
                MessageDigest sha = sha256();
                InputStream in = part.body();
                for (int n; (n = in.read(buf)) > 0; ) {
                    sha.update(buf, 0, n);
                }
                out.add(HexFormat.of().formatHex(sha.digest()));
            }
        }
        out.sort(null);
        return out;
    }

    /** Hex SHA-256 of {@code bytes}. */
    static String of(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
