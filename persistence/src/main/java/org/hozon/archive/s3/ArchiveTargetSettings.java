package org.hozon.archive.s3;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the archive targets from configuration (docs/configuration.md, "Archive targets"):
 * {@code hozon.archive.targets=primary,offsite} names them, and each one's
 * {@code hozon.archive.target.<name>.<setting>} falls back to {@code hozon.s3.<setting>}. So a
 * configuration written for one target (only {@code hozon.s3.*}) keeps working: it describes the
 * one target {@code primary}. The bucket falls back to {@code hozon.s3.bucket} for the first
 * target only; every further target names its own.
 */
public final class ArchiveTargetSettings {

    /** Property listing the targets' names, comma-separated. */
    public static final String TARGETS = "hozon.archive.targets";
    /** Prefix of a target's own settings: {@code hozon.archive.target.<name>.<setting>}. */
    public static final String TARGET_PREFIX = "hozon.archive.target.";
    /** Older single-target setting: the name of the one target, used when {@link #TARGETS} is unset. */
    public static final String LEGACY_TARGET_NAME = "hozon.archive.target";
    /** Name of the target when nothing names one. */
    public static final String DEFAULT_NAME = "primary";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private ArchiveTargetSettings() {
    }

    /**
     * @param config looks a property up; empty when it is not set
     * @return the targets, in the configured order
     * @throws IllegalStateException if the configuration is not usable (the message says why)
     */
    public static List<ArchiveTarget> read(Function<String, Optional<String>> config) {
        Function<String, Optional<String>> lookup = k -> config.apply(k).map(String::trim).filter(s -> !s.isEmpty());
        String names = lookup.apply(TARGETS).orElse(lookup.apply(LEGACY_TARGET_NAME).orElse(DEFAULT_NAME));
        Set<String> seen = new LinkedHashSet<>();
        for (String n : names.split(",")) {
            String name = n.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                throw new IllegalStateException(TARGETS + ": target name '" + name + "' must be 1-64 of a-z, 0-9, '-' and '_'");
            }
            if (!seen.add(name)) {
                throw new IllegalStateException(TARGETS + " names target '" + name + "' twice");
            }
        }
        if (seen.isEmpty()) {
            throw new IllegalStateException(TARGETS + " names no target");
        }
        List<ArchiveTarget> targets = new ArrayList<>();
        Set<String> locations = new HashSet<>();
        boolean first = true;
        for (String name : seen) {
            ArchiveTarget t = target(name, first, lookup);
            if (!locations.add(t.location())) {
                throw new IllegalStateException("archive target '" + name + "' uses the same bucket as another target: "
                        + t.location());
            }
            targets.add(t);
            first = false;
        }
        if (targets.stream().noneMatch(ArchiveTarget::required)) {
            throw new IllegalStateException("no archive target is required: at least one must be, or nothing would ever"
                    + " count as archived");
        }
        return List.copyOf(targets);
    }

    private static ArchiveTarget target(String name, boolean first, Function<String, Optional<String>> lookup) {
        Function<String, Optional<String>> own = s -> lookup.apply(TARGET_PREFIX + name + "." + s);
        Function<String, String> inherited = s -> own.apply(s).or(() -> lookup.apply("hozon.s3." + s))
                .orElse(S3Settings.DEFAULTS.get(s));
        String endpoint = inherited.apply("endpoint");
        Optional<String> bucket = own.apply("bucket");
        if (first) {
            bucket = bucket.or(() -> lookup.apply("hozon.s3.bucket")).or(() -> Optional.of(S3Settings.DEFAULTS.get("bucket")));
        }
        String credentials = inherited.apply("credentials");
        if (!S3Settings.CREDENTIALS_STATIC.equals(credentials) && !S3Settings.CREDENTIALS_DEFAULT_CHAIN.equals(credentials)) {
            throw new IllegalStateException("archive target '" + name + "': credentials must be 'static' or 'default', not '"
                    + credentials + "'");
        }
        return new ArchiveTarget(name,
                "aws".equalsIgnoreCase(endpoint) ? Optional.empty() : Optional.of(URI.create(endpoint)),
                inherited.apply("region"),
                bucket.orElseThrow(() -> new IllegalStateException("archive target '" + name + "' has no bucket: set "
                        + TARGET_PREFIX + name + ".bucket")),
                bool(name, "path-style", inherited.apply("path-style")),
                S3Settings.CREDENTIALS_STATIC.equals(credentials),
                inherited.apply("access-key"),
                inherited.apply("secret-key"),
                own.apply("storage-class").map(s -> s.toUpperCase(Locale.ROOT)),
                bool(name, "required", own.apply("required").orElse("true")));
    }

    private static boolean bool(String name, String setting, String value) {
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        if ("false".equalsIgnoreCase(value)) {
            return false;
        }
        throw new IllegalStateException("archive target '" + name + "': " + setting + " must be true or false, not '"
                + value + "'");
    }
}
