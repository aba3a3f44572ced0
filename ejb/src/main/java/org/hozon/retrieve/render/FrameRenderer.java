package org.hozon.retrieve.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.Tag;

/**
 * Turns one frame of native pixel data (little endian) into an 8-bit image for rendered and
 * thumbnail responses (PS3.18 §8.3.5, PS3.3 C.11): grayscale (MONOCHROME1/2) through the Modality
 * LUT as Rescale Slope/Intercept and a linear VOI window (the request's, else the header's first
 * Window Center/Width, else the frame's value range), MONOCHROME1 inverted; RGB (8 bits, either
 * Planar Configuration) as is. Then scaled to fit the viewport, if any.
 */
public final class FrameRenderer {
    private FrameRenderer() {
    }

    /**
     * @param header      the instance's header (Image Pixel attributes)
     * @param pixels      the frame, native little endian
     * @param interleaved true if colour samples are interleaved whatever Planar Configuration says (decoded RLE)
     * @throws IllegalArgumentException if the image cannot be rendered
     */
    public static BufferedImage render(Dataset header, byte[] pixels, boolean interleaved, RenderParameters p) {
        int rows = header.getInt(Tag.Rows, 0);
        int cols = header.getInt(Tag.Columns, 0);
        int samples = header.getInt(Tag.SamplesPerPixel, 1);
        int bitsAllocated = header.getInt(Tag.BitsAllocated, 8);
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("no Rows or Columns");
        }
        String photometric = header.getString(Tag.PhotometricInterpretation, "MONOCHROME2").strip();
        BufferedImage image;
        if (samples == 1 && (bitsAllocated == 8 || bitsAllocated == 16)) {
            image = grayscale(header, pixels, rows, cols, bitsAllocated, photometric.equals("MONOCHROME1"), p);
        } else if (samples == 3 && bitsAllocated == 8 && photometric.equals("RGB")) {
            boolean planar = !interleaved && header.getInt(Tag.PlanarConfiguration, 0) == 1;
            image = rgb(pixels, rows, cols, planar);
        } else {
            throw new IllegalArgumentException("cannot render " + photometric + " with " + samples + " samples of "
                    + bitsAllocated + " bits");
        }
        return scale(image, p.viewportWidth(), p.viewportHeight());
    }

    private static BufferedImage grayscale(Dataset h, byte[] px, int rows, int cols, int bits, boolean invert,
            RenderParameters p) {
        int n = rows * cols;
        if (px.length < n * bits / 8) {
            throw new IllegalArgumentException("frame shorter than its image");
        }
        int stored = h.getInt(Tag.BitsStored, bits);
        boolean signed = h.getInt(Tag.PixelRepresentation, 0) == 1;
        double slope = number(h, Tag.RescaleSlope, 1);
        double intercept = number(h, Tag.RescaleIntercept, 0);
        double[] values = new double[n];
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        int mask = stored >= 32 ? -1 : (1 << stored) - 1;
        for (int i = 0; i < n; i++) {
            int raw = bits == 8 ? px[i] & 0xFF : (px[2 * i] & 0xFF) | (px[2 * i + 1] & 0xFF) << 8;
            raw &= mask;
            if (signed && stored < 32 && (raw & (1 << (stored - 1))) != 0) {
                raw -= 1 << stored;
            }
            double v = raw * slope + intercept;
            values[i] = v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double center;
        double width;
        if (p.windowCenter() != null && p.windowWidth() != null) {
            center = p.windowCenter();
            width = p.windowWidth();
        } else if (h.getString(Tag.WindowCenter) != null && h.getString(Tag.WindowWidth) != null) {
            center = number(h, Tag.WindowCenter, 0);
            width = number(h, Tag.WindowWidth, 1);
        } else {
            center = (max + min) / 2 + 0.5;
            width = max - min + 1;
        }
        width = Math.max(1, width);
        BufferedImage img = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        double low = center - 0.5 - (width - 1) / 2;
        double high = center - 0.5 + (width - 1) / 2;
        for (int i = 0; i < n; i++) {
            double v = values[i];
            int y = v <= low ? 0 : v > high ? 255 : (int) Math.round(((v - (center - 0.5)) / (width - 1) + 0.5) * 255);
            y = Math.max(0, Math.min(255, y));
            out[i] = (byte) (invert ? 255 - y : y);
        }
        return img;
    }

    private static BufferedImage rgb(byte[] px, int rows, int cols, boolean planar) {
        int n = rows * cols;
        if (px.length < 3 * n) {
            throw new IllegalArgumentException("frame shorter than its image");
        }
        BufferedImage img = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < n; i++) {
            int r = planar ? px[i] & 0xFF : px[3 * i] & 0xFF;
            int g = planar ? px[n + i] & 0xFF : px[3 * i + 1] & 0xFF;
            int b = planar ? px[2 * n + i] & 0xFF : px[3 * i + 2] & 0xFF;
            img.setRGB(i % cols, i / cols, r << 16 | g << 8 | b);
        }
        return img;
    }

    /** Scales {@code image} to fit {@code w} x {@code h} keeping its aspect ratio (0 means unconstrained). */
    static BufferedImage scale(BufferedImage image, int w, int h) {
        if (w <= 0 && h <= 0) {
            return image;
        }
        double fx = w > 0 ? (double) w / image.getWidth() : Double.MAX_VALUE;
        double fy = h > 0 ? (double) h / image.getHeight() : Double.MAX_VALUE;
        double f = Math.min(fx, fy);
        int tw = Math.max(1, (int) Math.round(image.getWidth() * f));
        int th = Math.max(1, (int) Math.round(image.getHeight() * f));
        BufferedImage out = new BufferedImage(tw, th, image.getType());
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, tw, th, null);
        g.dispose();
        return out;
    }

    private static double number(Dataset h, int tag, double dflt) {
        String s = h.getString(tag);
        if (s == null || s.isBlank()) {
            return dflt;
        }
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
