package org.hozon.web.dicomweb;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.TransferSyntax;
import org.hozon.dicomweb.media.MediaTypeNegotiator;
import org.hozon.dicomweb.media.MediaTypes;
import org.hozon.dicomweb.media.Negotiation;
import org.hozon.dicomweb.media.Offer;
import org.hozon.persistence.index.StoredHeader;
import org.hozon.retrieve.PixelData;
import org.hozon.retrieve.RetrieveService;
import org.hozon.retrieve.StoredInstance;
import org.hozon.retrieve.render.FrameRenderer;
import org.hozon.retrieve.render.ImageEncoder;
import org.hozon.retrieve.render.RenderParameters;

/**
 * Rendered (PS3.18 §10.4.1.1.3) and thumbnail (§10.4.1.1.6) resources as {@code image/jpeg}
 * (default) or {@code image/png}: one frame (frame 1 unless the path names one) of the instance, or
 * for a series or study thumbnail of its first instance with Pixel Data. Query parameters
 * {@code window=center,width[,function]} (linear only), {@code viewport=vw,vh} (scaled to fit,
 * aspect kept) and {@code quality=1..100}. Thumbnails fit 128x128 unless a viewport is given.
 * Renders native and RLE Lossless grayscale (8/16 bits) and 8-bit RGB; other data is 406.
 */
@ApplicationScoped
public class RenderedResponder {
    private static final MediaTypeNegotiator MEDIA = new MediaTypeNegotiator(
            Offer.withoutTransferSyntax(MediaTypes.IMAGE_JPEG), Offer.withoutTransferSyntax(MediaTypes.IMAGE_PNG));
    private static final int THUMBNAIL_SIZE = 128;

    @Inject
    RetrieveService retrieve;

    /**
     * @param frame     the frame number (1-based), or 0 for the first
     * @param thumbnail true for the thumbnail resource
     */
    public Response render(String study, String series, String sop, int frame, boolean thumbnail, UriInfo uri,
            HttpHeaders headers) {
        Negotiation media = WadoRequest.negotiate(MEDIA, uri, headers);
        if (!media.isAcceptable()) {
            return WadoRequest.error(406, media.reason());
        }
        RenderParameters params;
        try {
            params = parameters(uri.getQueryParameters(), thumbnail);
        } catch (IllegalArgumentException e) {
            return WadoRequest.error(400, e.getMessage());
        }
        List<StoredInstance> found = retrieve.find(study, series, sop, true);
        StoredInstance instance = found.stream().filter(StoredInstance::hasPixelData).findFirst().orElse(null);
        if (instance == null) {
            return found.isEmpty() ? WadoRequest.notFound(study, series, sop)
                    : WadoRequest.error(406, "Nothing to render: no Pixel Data");
        }
        Dataset header = StoredHeader.decode(instance.header());
        BufferedImage image;
        try {
            List<PixelData.Frame> frames = PixelData.frames(instance, header);
            int n = frame == 0 ? 1 : frame;
            if (n > frames.size()) {
                return WadoRequest.error(404, "Frame " + n + " does not exist; the instance has " + frames.size());
            }
            PixelData.Frame f = frames.get(n - 1);
            byte[] pixels;
            boolean interleaved = false;
            if (!instance.encapsulated()) {
                pixels = PixelData.read(instance, f, PixelData.needsSwap(instance, header));
            } else if (instance.transferSyntaxUid().equals(TransferSyntax.RLE_LOSSLESS.uid())) {
                pixels = PixelResponder.decodeRle(instance, header, f);
                interleaved = true;
            } else {
                return WadoRequest.error(406, "Cannot render pixel data in " + instance.transferSyntaxUid());
            }
            image = FrameRenderer.render(header, pixels, interleaved, params);
        } catch (IOException | IllegalArgumentException e) {
            return WadoRequest.error(406, "Cannot render: " + e.getMessage());
        }
        String type = media.mediaType().essence();
        int quality = params.quality();
        return Response.ok((StreamingOutput) out -> ImageEncoder.write(image, type, quality, out), type).build();
    }

    static RenderParameters parameters(MultivaluedMap<String, String> q, boolean thumbnail) {
        Double center = null;
        Double width = null;
        String window = q.getFirst("window");
        if (window != null) {
            String[] w = window.split(",");
            if (w.length < 2) {
                throw new IllegalArgumentException("window=center,width[,function] expected");
            }
            center = number(w[0], "window center");
            width = number(w[1], "window width");
            if (width <= 0) {
                throw new IllegalArgumentException("window width must be positive");
            }
        }
        int vw = thumbnail ? THUMBNAIL_SIZE : 0;
        int vh = thumbnail ? THUMBNAIL_SIZE : 0;
        String viewport = q.getFirst("viewport");
        if (viewport != null) {
            String[] v = viewport.split(",", -1);
            vw = v[0].isBlank() ? 0 : (int) (double) number(v[0], "viewport width");
            vh = v.length < 2 || v[1].isBlank() ? 0 : (int) (double) number(v[1], "viewport height");
            if (vw < 0 || vh < 0 || vw > 8192 || vh > 8192) {
                throw new IllegalArgumentException("viewport out of range");
            }
        }
        int quality = 90;
        String qs = q.getFirst("quality");
        if (qs != null) {
            quality = (int) (double) number(qs, "quality");
            if (quality < 1 || quality > 100) {
                throw new IllegalArgumentException("quality must be 1 to 100");
            }
        }
        return new RenderParameters(center, width, vw, vh, quality);
    }

    private static Double number(String s, String what) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid " + what + ": " + s);
        }
    }
}
