package org.hozon.dicom.json;

import java.util.Arrays;

import org.hozon.dicom.Tags;

/**
 * Where an attribute sits in a data set: the tags of the enclosing sequences with the (1-based)
 * item numbers, then the attribute's own tag. Its string form, {@code 00101002/2/00100020} (the
 * Patient ID in the second item of Other Patient IDs Sequence), is meant to be used as a URI path
 * segment, e.g. for WADO-RS bulk data URIs.
 */
public final class TagPath {
    private final int[] tags;
    private final int[] items;

    private TagPath(int[] tags, int[] items) {
        this.tags = tags;
        this.items = items;
    }

    /** The path of a top-level attribute. */
    public static TagPath of(int tag) {
        return new TagPath(new int[] {tag}, new int[0]);
    }

    /**
     * A path from parallel arrays: {@code tags[k]} for k &lt; depth-1 are sequence tags and
     * {@code items[k]} the 1-based item numbers in them; {@code tags[depth-1]} is the attribute.
     */
    public static TagPath of(int[] tags, int[] items, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("empty path");
        }
        for (int k = 0; k < depth - 1; k++) {
            if (items[k] < 1) {
                throw new IllegalArgumentException("item numbers start at 1: " + items[k]);
            }
        }
        return new TagPath(Arrays.copyOf(tags, depth), Arrays.copyOf(items, depth - 1));
    }

    /** Parses the string form; throws IllegalArgumentException if malformed. */
    public static TagPath parse(String s) {
        String[] parts = s.split("/", -1);
        if (parts.length % 2 == 0) {
            throw new IllegalArgumentException("not a tag path: " + s);
        }
        int depth = parts.length / 2 + 1;
        int[] tags = new int[depth];
        int[] items = new int[depth - 1];
        for (int k = 0; k < depth; k++) {
            long tag = TagNames.parse(parts[2 * k]);
            if (tag < 0) {
                throw new IllegalArgumentException("not a tag path: " + s);
            }
            tags[k] = (int) tag;
            if (k < depth - 1) {
                try {
                    items[k] = Integer.parseInt(parts[2 * k + 1]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a tag path: " + s, e);
                }
                if (items[k] < 1) {
                    throw new IllegalArgumentException("not a tag path: " + s);
                }
            }
        }
        return new TagPath(tags, items);
    }

    /** Number of tags: 1 for a top-level attribute. */
    public int depth() {
        return tags.length;
    }

    public boolean isTopLevel() {
        return tags.length == 1;
    }

    /** The attribute's own tag (the last one). */
    public int tag() {
        return tags[tags.length - 1];
    }

    /** Tag at {@code level} (0 = outermost). */
    public int tagAt(int level) {
        return tags[level];
    }

    /** 1-based item number in the sequence {@link #tagAt}(level), for level &lt; depth-1. */
    public int itemAt(int level) {
        return items[level];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TagPath && Arrays.equals(((TagPath) o).tags, tags)
                && Arrays.equals(((TagPath) o).items, items);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(tags) + Arrays.hashCode(items);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(tags.length * 12);
        for (int k = 0; k < tags.length; k++) {
            if (k > 0) {
                sb.append('/').append(items[k - 1]).append('/');
            }
            sb.append(Tags.toHex(tags[k]));
        }
        return sb.toString();
    }
}
