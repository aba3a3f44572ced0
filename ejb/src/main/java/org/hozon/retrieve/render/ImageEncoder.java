package org.hozon.retrieve.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Encodes rendered images as JPEG (with a quality) or PNG through javax.imageio. */
public final class ImageEncoder {
    private ImageEncoder() {
    }

    /** Writes {@code image} as {@code image/jpeg} or {@code image/png} to {@code out} (left open). */
    public static void write(BufferedImage image, String mediaType, int quality, OutputStream out) throws IOException {
        String format = mediaType.equals("image/png") ? "png" : "jpeg";
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IOException("no " + format + " writer");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(Math.max(1, Math.min(100, quality)) / 100f);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        out.flush();
    }
}
