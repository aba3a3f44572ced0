package org.hozon.bench.load;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.hozon.bench.data.CtStudyGenerator;

/**
 * Load driver for any DICOMweb server: stores generated CT studies with STOW-RS at several
 * concurrency levels, then runs a fixed mix of QIDO-RS study searches, and prints the figures.
 * Run with {@code bench/run-load <baseUrl> [options]}; see {@link LoadOptions#USAGE} and
 * {@code bench/README.md}. Exits 1 if any request failed, 2 on a bad command line.
 */
public final class LoadDriver {
    private LoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        if (ArchiveOptions.wanted(args)) {
            System.exit(ArchiveDriver.run(args));
            return;
        }
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.println(LoadOptions.USAGE + "\n" + RetrieveOptions.USAGE);
            return;
        }
        LoadOptions o;
        RetrieveOptions r;
        try {
            RetrieveOptions.Split split = RetrieveOptions.split(args);
            r = split.options();
            o = LoadOptions.parse(split.rest());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LoadOptions.USAGE + "\n" + RetrieveOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(o, r, args) ? 0 : 1);
    }

    /** Runs the phases; true if every request succeeded. */
    static boolean run(LoadOptions o, RetrieveOptions retrieve, String[] args) throws InterruptedException {
        Report report = new Report(System.out);
        report.note("command: bench/run-load %s", commandLine(args));
        report.note("started %s; java %s; %d cores; load average %s", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS),
                System.getProperty("java.version"), CpuMeter.cores(), CpuMeter.loadAverage());

        if (o.serverPid > 0) {
            CpuMeter.watchServer(o.serverPid);
            report.note("watching the CPU time of server process %d (server%% column)", o.serverPid);
        }
        long t0 = System.nanoTime();
        CtStudyGenerator generator = new CtStudyGenerator(o.seed);
        SlicePool pool = o.headerOnly ? null : new SlicePool(o.seed, o.pool);
        StowRequestFactory factory = new StowRequestFactory(generator, pool, o.seed, o.perRequest);
        StowRequest sample = factory.request(o.firstStudy);
        report.note("%d pixel slices generated in %.1f s; %d instances per request, %.0f bytes per instance "
                + "(Part 10, Explicit VR LE, %s)", pool == null ? 0 : pool.size(), (System.nanoTime() - t0) / 1e9,
                o.perRequest, (double) sample.length() / sample.instances(),
                pool == null ? "header only, no Pixel Data" : "512x512x16");

        DicomWebClient client = new DicomWebClient(o.baseUrl, o.user, o.password);
        boolean ok = true;
        List<Integer> studies;
        if (o.skipStow) {
            int count = o.warmupRequests() + o.clients.size() * o.requestsPerLevel();
            studies = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                studies.add(o.firstStudy + i);
            }
            report.note("--skip-stow: searching studies %d to %d as stored by the same options", o.firstStudy,
                    o.firstStudy + count - 1);
        } else {
            StowPhase stow = new StowPhase(client, factory, o.firstStudy);
            if (o.warmup > 0) {
                int clients = Math.min(4, o.clients.stream().mapToInt(Integer::intValue).max().orElse(1));
                StowLevel w = stow.run(clients, o.warmupRequests(), 0);
                report.note("warm-up: %d instances at %d clients, %.1f inst/s, %d errors (not reported below)",
                        w.instancesOk, clients, w.instancesPerSecond(), w.errorRequests);
                if (w.firstError != null) {
                    report.note("warm-up first error: %s", w.firstError);
                }
                ok &= w.errorRequests == 0;
            }
            report.stowHeader();
            int total = 0;
            for (int clients : o.clients) {
                StowLevel level = stow.run(clients, o.requestsPerLevel(), o.durationSeconds);
                report.stow(level);
                total += level.instancesOk;
                ok &= level.errorRequests == 0;
            }
            studies = stow.storedStudies();
            report.note("stored by this run: %d instances in %d studies (the server may hold more)", total,
                    studies.size());
        }

        if (o.qidoQueries > 0 && !studies.isEmpty()) {
            List<Integer> sorted = new ArrayList<>(studies);
            sorted.sort(null); // the mix depends on the list order: make it independent of thread timing
            List<QidoMix.Query> queries = QidoMix.build(generator, sorted, o.qidoQueries, o.seed, o.qidoLimit);
            report.note("QIDO: %d study searches in rotation over %d stored studies, Accept: application/dicom+json%s",
                    queries.size(), sorted.size(), o.qidoLimit > 0 ? ", limit=" + o.qidoLimit : "");
            QidoPhase qido = new QidoPhase(client, o.baseUrl, o.user, o.password);
            report.qidoHeader();
            for (int clients : o.qidoClients) {
                QidoPhase.Result r = qido.run(queries, clients);
                report.qido(r);
                ok &= r.all.errors.get() == 0;
            }
        }
        if (retrieve.any()) {
            ok &= RetrieveModes.run(o, retrieve, report, client, generator, factory, pool, studies);
        }
        report.note("finished; load average %s", CpuMeter.loadAverage());
        return ok;
    }

    /** The arguments, shell-quoted where needed, with the password masked. */
    private static String commandLine(String[] args) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            String a = i > 0 && args[i - 1].equals("--password") ? "***" : args[i];
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(a.matches("[A-Za-z0-9_./:,=@%+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }
}
