package org.hozon.bench.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.hozon.bench.data.CtStudyGenerator;

/**
 * Runs the WADO-RS retrieval modes after the STOW and QIDO phases: whole studies
 * ({@link StudyRetrievePhase}), then series metadata and single frames of one 500-instance
 * series ({@link SeriesFixture}, {@link LatencyPhase}).
 */
final class RetrieveModes {
    private static final int LATENCY_WARMUP = 50;
    private static final int LATENCY_VERIFY_EVERY = 50;

    private RetrieveModes() {
    }

    /**
     * Runs the modes {@code r} asks for; true if every request succeeded.
     *
     * @param studies the study numbers stored (or, with --skip-stow, that would have been)
     * @param factory the factory that built (or would have built) them
     * @param pool    the pixel slices, or null (header-only)
     */
    static boolean run(LoadOptions o, RetrieveOptions r, Report notes, DicomWebClient stow, CtStudyGenerator generator,
            StowRequestFactory factory, SlicePool pool, List<Integer> studies) throws InterruptedException {
        RetrieveReport report = new RetrieveReport(System.out);
        boolean ok = true;
        if (r.study) {
            if (studies.isEmpty()) {
                notes.note("--retrieve-study: no stored study to retrieve");
                ok = false;
            } else {
                ok &= studies(o, r, notes, report, generator, factory, studies);
            }
        }
        if (r.metadata || r.frame) {
            SlicePool pixels = pool != null ? pool : new SlicePool(o.seed, o.pool);
            ok &= series(o, r, notes, report, stow, generator, pixels);
        }
        return ok;
    }

    private static boolean studies(LoadOptions o, RetrieveOptions r, Report notes, RetrieveReport report,
            CtStudyGenerator generator, StowRequestFactory factory, List<Integer> studies)
            throws InterruptedException {
        StudyRetrievePhase phase = new StudyRetrievePhase(o.baseUrl, o.user, o.password, generator, factory, studies,
                o.seed, r.verifyEvery);
        notes.note("WADO: whole studies (%d stored, %d instances each), Accept: %s; %d s per level; every %d-th "
                + "study's parts checked (SHA-256) against the stored ones", studies.size(), o.perRequest,
                StudyRetrievePhase.ACCEPT, r.durationSeconds, r.verifyEvery);
        boolean ok = true;
        if (r.warmupSeconds > 0) {
            int clients = r.clients.stream().mapToInt(Integer::intValue).max().orElse(1);
            StudyRetrievePhase.Level w = phase.run(clients, r.warmupSeconds);
            notes.note("warm-up: %d studies at %d clients in %.1f s, %.1f MB/s, %d errors (not reported below)",
                    w.requests, clients, w.seconds, w.megabytesPerSecond(), w.errors);
            if (w.firstError != null) {
                notes.note("warm-up first error: %s", w.firstError);
            }
            ok &= w.errors == 0;
        }
        report.studyHeader();
        for (int clients : r.clients) {
            StudyRetrievePhase.Level level = phase.run(clients, r.durationSeconds);
            report.study(level);
            ok &= level.errors == 0 && level.requests > 0;
        }
        return ok;
    }

    private static boolean series(LoadOptions o, RetrieveOptions r, Report notes, RetrieveReport report,
            DicomWebClient stow, CtStudyGenerator generator, SlicePool pixels) throws InterruptedException {
        SeriesFixture series = new SeriesFixture(generator, r.seriesStudy, r.seriesSize);
        StowRequestFactory factory = new StowRequestFactory(generator, pixels, o.seed, 10);
        boolean ok = true;
        try (HttpGetClient http = new HttpGetClient(o.baseUrl, o.user, o.password)) {
            long t0 = System.nanoTime();
            int stored = series.ensure(http, stow, factory);
            notes.note("series %s of study %d: %d instances, %d stored now (%.1f s)", series.seriesUid,
                    series.study, series.size, stored, (System.nanoTime() - t0) / 1e9);
            report.latencyHeader();
            if (r.metadata) {
                List<LatencyPhase.Request> requests = new ArrayList<>();
                for (int i = 0; i < r.latencyRequests; i++) {
                    requests.add(new LatencyPhase.Request(series.metadataPath(), "application/dicom+json", i));
                }
                LatencyPhase.Result m = LatencyPhase.run("META", http, requests, LATENCY_WARMUP, LATENCY_VERIFY_EVERY,
                        (req, type, body) -> {
                            int n = SeriesFixture.sopInstanceUids(body).size();
                            return n == series.size ? null : n + " instances, not " + series.size;
                        });
                report.latency(m);
                ok &= m.errors == 0;
            }
            if (r.frame) {
                Random random = new Random(o.seed);
                List<LatencyPhase.Request> requests = new ArrayList<>();
                for (int i = 0; i < r.latencyRequests; i++) {
                    int instance = random.nextInt(series.size);
                    requests.add(new LatencyPhase.Request(series.framePath(instance, 1), r.frameAccept, instance));
                }
                LatencyPhase.Result f = LatencyPhase.run("FRAME", http, requests, LATENCY_WARMUP, LATENCY_VERIFY_EVERY,
                        (req, type, body) -> checkFrame(pixels.pixels(series.study, req.key()), type, body));
                report.latency(f);
                ok &= f.errors == 0;
            }
        } catch (IOException e) {
            notes.note("series metadata/frame: %s", e);
            return false;
        }
        return ok;
    }

    /** A frame answer (one-part multipart or single part) must carry exactly the stored pixels. */
    static String checkFrame(byte[] pixels, String contentType, byte[] body) throws IOException {
        String expected = PartDigests.of(pixels);
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            List<String> parts = PartDigests.of(new java.io.ByteArrayInputStream(body), contentType);
            return parts.equals(List.of(expected)) ? null : parts.size() + " parts; not the stored pixels";
        }
        return PartDigests.of(body).equals(expected) ? null : "not the stored pixels";
    }
}
