package org.hozon.dicomweb.qido;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.hozon.dicom.Tags;
import org.hozon.dicom.VR;
import org.hozon.dicom.dict.ElementDictionary;

/**
 * An attribute ID of PS3.18 §8.3.4.1: one tag, or a path of tags into nested sequences
 * ({@code 00400275.00400009}). Immutable; equal paths have equal tags.
 *
 * <p>Each segment of the text form is an 8-hex-digit tag or a PS3.6 keyword, resolved through
 * {@link ElementDictionary}. The ABNF asks for all tags or all keywords; mixing them is
 * accepted, as it is unambiguous.
 */
public final class AttributePath {
    private final int[] tags;

    private AttributePath(int[] tags) {
        this.tags = tags;
    }

    /** A path of one or more tags; all but the last must be sequences (not checked here). */
    public static AttributePath of(int... tags) {
        if (tags.length == 0) {
            throw new IllegalArgumentException("empty attribute path");
        }
        return new AttributePath(tags.clone());
    }

    /**
     * Parses an attribute ID. Returns empty if a segment is neither a tag nor a keyword the
     * dictionary knows (the caller reports the parameter as unknown; that is not an error).
     *
     * @throws QidoQueryException if the text names attributes that cannot be queried: a tag of
     *     group FFFE, a group length, or a non-last segment that is not a sequence
     */
    public static Optional<AttributePath> parse(String text, String parameter) {
        String[] parts = text.split("\\.", -1);
        int[] tags = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                return Optional.empty();
            }
            int tag = Tags.parseHex(part);
            if (tag == -1 && !part.equalsIgnoreCase("FFFFFFFF")) {
                if (!isKeywordSyntax(part)) {
                    return Optional.empty();
                }
                tag = ElementDictionary.tagOf(part);
                if (tag == -1) {
                    return Optional.empty();
                }
            }
            if (Tags.group(tag) == 0xFFFE || Tags.isGroupLength(tag)) {
                throw new QidoQueryException(parameter, "'" + part + "' is not a queryable attribute");
            }
            tags[i] = tag;
        }
        for (int i = 0; i < tags.length - 1; i++) {
            VR vr = ElementDictionary.vrOf(tags[i]);
            // Private and unknown elements read as UN: allow them as sequence steps.
            if (vr != VR.SQ && vr != VR.UN) {
                throw new QidoQueryException(parameter, "'" + parts[i] + "' in '" + text + "' is not a sequence");
            }
        }
        return Optional.of(new AttributePath(tags));
    }

    /** True if {@code s} could be a PS3.6 keyword (letters and digits, starting with a letter). */
    static boolean isKeywordSyntax(String s) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** Number of segments (1 for a top-level attribute). */
    public int length() {
        return tags.length;
    }

    /** The tag at segment {@code index}. */
    public int tag(int index) {
        return tags[index];
    }

    /** The first tag (the top-level attribute, a sequence if the path is nested). */
    public int first() {
        return tags[0];
    }

    /** The last tag: the attribute that is matched or returned. */
    public int leaf() {
        return tags[tags.length - 1];
    }

    public boolean isNested() {
        return tags.length > 1;
    }

    /** This path without its first segment; only for nested paths. */
    public AttributePath tail() {
        if (!isNested()) {
            throw new IllegalStateException("not a nested path: " + this);
        }
        return new AttributePath(Arrays.copyOfRange(tags, 1, tags.length));
    }

    /** True if this path begins with all the segments of {@code prefix}. */
    public boolean startsWith(AttributePath prefix) {
        return prefix.tags.length <= tags.length
                && Arrays.equals(tags, 0, prefix.tags.length, prefix.tags, 0, prefix.tags.length);
    }

    /** The VR of the leaf per the dictionary (UN for private or unknown elements). */
    public VR leafVr() {
        return ElementDictionary.vrOf(leaf());
    }

    /** The tags as a new list. */
    public List<Integer> tags() {
        return Arrays.stream(tags).boxed().toList();
    }

    /** Keyword form where every segment has a keyword, else hex; e.g. {@code RequestAttributesSequence.ScheduledProcedureStepID}. */
    public String toKeywordString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tags.length; i++) {
            if (i > 0) {
                sb.append('.');
            }
            String keyword = ElementDictionary.keywordOf(tags[i]);
            sb.append(keyword != null ? keyword : Tags.toHex(tags[i]));
        }
        return sb.toString();
    }

    /** Hex form, e.g. {@code 00400275.00400009}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tags.length; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(Tags.toHex(tags[i]));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttributePath && Arrays.equals(((AttributePath) o).tags, tags);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tags);
    }
}
