package org.hozon.retrieve.render;

/**
 * The presentation parameters of a rendered or thumbnail request (PS3.18 §8.3.5): an optional
 * VOI window, an optional viewport the image is scaled to fit (aspect ratio kept), and the JPEG
 * quality (1-100).
 *
 * @param windowCenter   window center, or null to use the header's (else the frame's range)
 * @param windowWidth    window width (&gt; 0 with a center), or null
 * @param viewportWidth  viewport width in pixels, or 0 for the image's own size
 * @param viewportHeight viewport height in pixels, or 0
 * @param quality        JPEG quality 1-100
 */
public record RenderParameters(Double windowCenter, Double windowWidth, int viewportWidth, int viewportHeight,
        int quality) {

    /** Defaults: header window, native size, quality 90. */
    public static final RenderParameters DEFAULT = new RenderParameters(null, null, 0, 0, 90);
}
