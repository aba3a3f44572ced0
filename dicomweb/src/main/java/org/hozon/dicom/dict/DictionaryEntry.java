package org.hozon.dicom.dict;

import java.util.List;
import java.util.Objects;
import org.hozon.dicom.Tags;
import org.hozon.dicom.VR;

/**
 * One data element of the dictionary (PS3.6 §6). A single element has {@code mask == 0xFFFFFFFF};
 * a repeating group or range, such as (60xx,3000) Overlay Data or (0020,31xx) Source Image IDs,
 * matches every tag {@code t} with {@code (t & mask) == (tag & mask)} except group lengths
 * (gggg,0000). Single elements that PS3.6 defines inside a range, such as (0028,0400) Transform
 * Label inside (0028,04x0), take precedence in {@link ElementDictionary}.
 *
 * @param tag the tag, or for a repeating group or range the lowest tag that is this element
 * @param mask the bits a tag must share with {@code tag} to be this element
 * @param vrs the allowed VRs, e.g. [OB, OW] for "OB or OW"; empty for items and delimiters
 * @param vm the Value Multiplicity as written in PS3.6, e.g. "1", "1-n", "2-2n"
 * @param keyword the keyword, or null for the few retired elements without one
 * @param name the name, e.g. "Patient's Name"
 * @param retired true if the element is retired
 */
public record DictionaryEntry(int tag, int mask, List<VR> vrs, String vm, String keyword, String name,
        boolean retired) {

    public DictionaryEntry {
        vrs = List.copyOf(vrs);
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(name, "name");
    }

    /** The first allowed VR (the one used when a dataset does not say), or UN if none is given. */
    public VR vr() {
        return vrs.isEmpty() ? VR.UN : vrs.get(0);
    }

    /** True for a repeating group or a range of elements. */
    public boolean isRepeating() {
        return mask != 0xFFFFFFFF;
    }

    /** True if {@code t} is this element or, for a repeating element, fits its pattern. */
    public boolean matches(int t) {
        return t == tag || (isRepeating() && (t & mask) == (tag & mask) && !Tags.isGroupLength(t));
    }

    /** The tag as in PS3.6, with x for digits that repeat: "(0010,0010)", "(60xx,3000)". */
    public String pattern() {
        char[] t = Tags.toString(tag).toCharArray();
        char[] m = Tags.toString(mask).toCharArray();
        for (int i = 0; i < t.length; i++) {
            if (m[i] != 'F' && Character.digit(m[i], 16) >= 0) {
                t[i] = 'x';
            }
        }
        return new String(t);
    }
}
