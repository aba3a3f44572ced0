#!/usr/bin/python3
"""Generate Hozon's DICOM data dictionary and UID registry (PS3.6) as Java sources.

Run from anywhere:   /usr/bin/python3 dicomweb/tools/gen-dictionary.py
(Debian's python3-pydicom and dcmtk must be installed; see dicomweb/tools/README.md.)

Sources, read as DATA at generation time:
  * pydicom's tables (pydicom._dicom_dict, pydicom._uid_dict): the primary source for
    data elements, repeating groups / ranges and the UID registry (PS3.6 Table A-1);
  * dcmtk's dicom.dic: cross-check; elements it has that pydicom lacks (and that no
    repeating-group mask of pydicom covers) are added.

Writes (deterministic, sorted output):
  src/main/java/org/hozon/dicom/Tag.java            int constant per element keyword
  src/main/java/org/hozon/dicom/UID.java            String constant per UID keyword
  src/main/java/org/hozon/dicom/dict/ElementTable.java  encoded element table
  src/main/java/org/hozon/dicom/dict/UidTable.java      encoded UID table
  src/main/java/org/hozon/dicom/dict/UidType.java       the UID types of Table A-1
"""

import glob
import os
import re
import subprocess
import sys

import pydicom
from pydicom._dicom_dict import DicomDictionary, RepeatersDictionary
from pydicom._uid_dict import UID_dictionary

HERE = os.path.dirname(os.path.abspath(__file__))
MODULE = os.path.dirname(HERE)
JAVA = os.path.join(MODULE, "src", "main", "java", "org", "hozon", "dicom")
SCRIPT = "dicomweb/tools/gen-dictionary.py"

# Largest chunk of encoded table in one Java string constant (the class-file limit is 65,535
# bytes of modified UTF-8; we stay well below and emit ASCII only).
CHUNK_BYTES = 48000

# dcmtk's pseudo-VRs, written as the alternatives of PS3.6.
DCMTK_VRS = {"ox": "OB or OW", "px": "OB or OW", "xs": "US or SS", "lt": "US or SS or OW",
             "up": "UL", "na": "NONE"}


def debian_version(package):
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                             capture_output=True, text=True, check=True)
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def hex_tag(tag):
    return "%08X" % tag


def pattern_to_value_mask(pattern):
    """'60xx3000' -> (0x60003000, 0xFFE1FFFF).

    An 'x' in the element matches any hex digit. In the group, 'xx' stands for the repeating
    groups of PS3.5 section 7.6: for 50xx and 60xx the even values 00-1E (so the mask keeps
    bits 0 and 5-7 of the low group byte); for 7Fxx (retired Variable Pixel Data) any even
    value 00-FE.
    """
    group, element = pattern[:4], pattern[4:]
    value = 0
    mask = 0
    for ch in element:
        value <<= 4
        mask <<= 4
        if ch != "x":
            value |= int(ch, 16)
            mask |= 0xF
    if "x" in group:
        if group[2:] != "xx" or "x" in group[:2]:
            raise ValueError("unexpected group pattern " + pattern)
        high = int(group[:2], 16)
        gmask = 0xFFE1 if high in (0x50, 0x60) else 0xFF01
        gvalue = high << 8
    else:
        gvalue, gmask = int(group, 16), 0xFFFF
    return (gvalue << 16) | value, (gmask << 16) | mask


def split_camel(keyword):
    """'PyramidUID' -> 'Pyramid UID' (used only for names of elements taken from dcmtk)."""
    s = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", keyword)
    return re.sub(r"(?<=[A-Z])(?=[A-Z][a-z])", " ", s)


class Element:
    def __init__(self, tag, mask, vr, vm, keyword, name, retired, source):
        self.tag, self.mask, self.vr, self.vm = tag, mask, vr, vm
        self.keyword, self.name, self.retired, self.source = keyword, name, retired, source

    def matches(self, tag):
        return (tag & self.mask) == (self.tag & self.mask) and (tag & 0xFFFF) != 0

    def vrs(self):
        return [] if self.vr == "NONE" else self.vr.split(" or ")

    def pattern(self):
        """(gggg,eeee) with x for the digits a mask leaves free."""
        h = hex_tag(self.tag & self.mask)
        m = hex_tag(self.mask)
        out = "".join(c if mc == "F" else "x" for c, mc in zip(h, m))
        return "(%s,%s)" % (out[:4], out[4:])


def first_tags(elements):
    """Give each repeating element, as its tag, the lowest tag that is really it.

    PS3.6 has single elements inside some ranges, e.g. (0028,0400) Transform Label inside
    (0028,04x0) Rows For Nth Order Coefficients, and group lengths (gggg,0000) are never part
    of a range; so the first tag is the lowest match that is neither.
    """
    exact = {e.tag for e in elements if e.mask == 0xFFFFFFFF}
    for e in elements:
        if e.mask == 0xFFFFFFFF:
            continue
        free = ~e.mask & 0xFFFFFFFF
        sub = 0
        while True:
            t = (e.tag & e.mask) | sub
            if e.matches(t) and t not in exact:
                e.tag = t
                break
            sub = (sub - free) & free
            if sub == 0:
                sys.exit("no free tag for " + e.pattern())


def load_pydicom():
    elements = []
    for tag, (vr, vm, name, retired, keyword) in DicomDictionary.items():
        elements.append(Element(tag, 0xFFFFFFFF, vr, vm, keyword, name, retired == "Retired", "pydicom"))
    for pattern, (vr, vm, name, retired, keyword) in RepeatersDictionary.items():
        tag, mask = pattern_to_value_mask(pattern)
        elements.append(Element(tag, mask, vr, vm, keyword, name, retired == "Retired", "pydicom"))
    return elements


def load_dcmtk(path):
    """Public entries of dicom.dic: ({tag: (vr, keyword, vm, retired)} of single tags,
    {keyword: tag pattern} of repeating groups and ranges)."""
    entries, ranges = {}, {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            tag, vr, keyword, vm, version = line.rstrip("\n").split("\t")
            if version in ("PRIVATE", "ILLEGAL", "GENERIC"):
                continue
            retired = "retired" in version
            if keyword.startswith("RETIRED_"):
                keyword = keyword[len("RETIRED_"):]
            if "-" in tag:
                ranges[keyword] = tag
                continue
            value = int(tag[1:5] + tag[6:10], 16)
            entries[value] = (DCMTK_VRS.get(vr, vr), keyword, vm, retired)
    return entries, ranges


def merge(elements, dcmtk_tables):
    dcmtk, dcmtk_ranges = dcmtk_tables
    exact = {e.tag: e for e in elements if e.mask == 0xFFFFFFFF}
    masked = [e for e in elements if e.mask != 0xFFFFFFFF]
    added, differences = [], []
    masked_keywords = {e.keyword for e in masked}
    for keyword in sorted(dcmtk_ranges):
        if keyword not in masked_keywords:
            differences.append("dcmtk range %s %s has no pydicom repeating entry" % (dcmtk_ranges[keyword], keyword))
    for tag in sorted(dcmtk):
        vr, keyword, vm, retired = dcmtk[tag]
        if tag in exact:
            e = exact[tag]
            if (e.vr, e.keyword, e.vm, e.retired) != (vr, keyword, vm, retired):
                differences.append("(%04X,%04X) pydicom %s %s %s%s / dcmtk %s %s %s%s (kept pydicom)" % (
                    tag >> 16, tag & 0xFFFF, e.vr, e.vm, e.keyword, " retired" if e.retired else "",
                    vr, vm, keyword, " retired" if retired else ""))
            continue
        if any(m.matches(tag) for m in masked):
            continue
        e = Element(tag, 0xFFFFFFFF, vr, vm, keyword, split_camel(keyword), retired, "dcmtk")
        elements.append(e)
        added.append(e)
    return added, differences


def java_string(s):
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif 32 <= ord(ch) < 127:
            out.append(ch)
        else:
            out.append("\\u%04x" % ord(ch))
    return '"' + "".join(out) + '"'


def javadoc_text(s):
    return s.replace("*/", "*&#47;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")


def check_field(s):
    if "\t" in s or "\n" in s:
        raise ValueError("field contains a tab or newline: %r" % s)
    return s


def chunked_method(lines):
    """Java source of `static String[] chunks()` holding `lines` in string constants."""
    chunks, current, size = [], [], 0
    for line in lines:
        n = len(line) + 1
        if current and size + n > CHUNK_BYTES:
            chunks.append(current)
            current, size = [], 0
        current.append(line)
        size += n
    if current:
        chunks.append(current)
    out = ["    /** The table as text, one entry per line, in string constants below the class-file limit. */",
           "    static String[] chunks() {",
           "        return new String[] {"]
    for i, chunk in enumerate(chunks):
        out.append("            chunk%d()%s" % (i, "," if i < len(chunks) - 1 else ""))
    out += ["        };", "    }"]
    for i, chunk in enumerate(chunks):
        out += ["", "    private static String chunk%d() {" % i, "        return \"\""]
        for line in chunk:
            out.append("                + " + java_string(line + "\n"))
        out[-1] += ";"
        out.append("    }")
    return out, len(chunks)


def header(what, sources):
    return ["// GENERATED FILE - DO NOT EDIT. " + what,
            "// Generated by " + SCRIPT + " from " + sources + ".",
            "// Regenerate with: /usr/bin/python3 " + SCRIPT]


def write(path, lines):
    with open(path, "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def uid_type_constant(label):
    return re.sub(r"[^A-Za-z0-9]+", "_", label).strip("_").upper()


def main():
    dic_paths = sorted(glob.glob("/usr/share/libdcmtk*/dicom.dic"))
    if not dic_paths:
        sys.exit("dcmtk's dicom.dic not found under /usr/share/libdcmtk*/ (apt-get install dcmtk)")
    dic_path = dic_paths[-1]
    dcmtk_version = debian_version("dcmtk")
    with open(dic_path, encoding="latin-1") as f:
        m = re.search(r"Generated automatically from (DICOM PS ?3\.6-\S+)", f.read())
    dic_edition = m.group(1) if m else "unknown edition"
    sources = "pydicom %s (Debian python3-pydicom %s) and dcmtk %s dicom.dic (%s)" % (
        pydicom.__version__, debian_version("python3-pydicom"), dcmtk_version, dic_edition)

    elements = load_pydicom()
    added, differences = merge(elements, load_dcmtk(dic_path))
    first_tags(elements)

    elements.sort(key=lambda e: (e.mask != 0xFFFFFFFF, e.tag, e.mask))
    keywords = {}
    for e in elements:
        if e.keyword:
            if e.keyword in keywords:
                sys.exit("duplicate keyword " + e.keyword)
            keywords[e.keyword] = e
        for vr in e.vrs():
            if not re.fullmatch(r"[A-Z]{2}", vr):
                sys.exit("bad VR %r of %s" % (vr, e.pattern()))

    # Element table: tag, mask (empty if exact), VRs joined by '/', VM, keyword, name, R if retired.
    table = []
    for e in elements:
        table.append("\t".join(check_field(x) for x in (
            hex_tag(e.tag), "" if e.mask == 0xFFFFFFFF else hex_tag(e.mask), "/".join(e.vrs()), e.vm,
            e.keyword, e.name, "R" if e.retired else "")))
    body, nchunks = chunked_method(table)
    n_masked = sum(1 for e in elements if e.mask != 0xFFFFFFFF)
    write(os.path.join(JAVA, "dict", "ElementTable.java"), header(
        "The data elements of PS3.6 (%d exact, %d repeating groups/ranges)." % (len(elements) - n_masked, n_masked),
        sources) + [
        "package org.hozon.dicom.dict;",
        "",
        "/**",
        " * The data dictionary of PS3.6 as text, parsed once by {@link ElementDictionary}. One line per",
        " * element, tab-separated: tag (8 hex digits; for a repeating element the lowest tag that is it),",
        " * mask (empty for a single tag, else the bits a tag must share with the first field), VRs",
        " * separated by '/' (empty for items and delimiters), VM,",
        " * keyword, name, and \"R\" if retired. Exact tags first in ascending order, then the masks.",
        " */",
        "final class ElementTable {",
        "    /** Number of entries, checked by the parser. */",
        "    static final int SIZE = %d;" % len(elements),
        "",
        "    private ElementTable() {",
        "    }",
        ""] + body + ["}"])

    # Tag constants.
    tag_lines = header("Tag constants of PS3.6 (%d keywords)." % len(keywords), sources) + [
        "package org.hozon.dicom;",
        "",
        "/**",
        " * The tag of every data element of PS3.6 that has a keyword, named by its keyword. For",
        " * repeating groups and ranges, e.g. (60xx,3000) OverlayData, the constant is the lowest tag",
        " * that is that element (0x60003000; for (0028,04x0) it is 0x00280410, because (0028,0400) is",
        " * Transform Label). Retired elements are marked so in their comment.",
        " */",
        "public final class Tag {",
        "    private Tag() {",
        "    }"]
    for e in sorted(elements, key=lambda e: (e.tag, e.mask)):
        if not e.keyword:
            continue
        doc = "%s %s, VR %s, VM %s%s." % (e.pattern(), e.name, e.vr, e.vm, ", retired" if e.retired else "")
        tag_lines += ["", "    /** " + javadoc_text(doc) + " */",
                      "    public static final int %s = 0x%s;" % (e.keyword, hex_tag(e.tag))]
    tag_lines.append("}")
    write(os.path.join(JAVA, "Tag.java"), tag_lines)

    # UID registry. Entries without a name and keyword (withdrawn, listed blank) are left out.
    uids = []
    skipped = []
    for uid, (name, uid_type, info, retired, keyword) in UID_dictionary.items():
        if not name and not keyword:
            skipped.append(uid)
            continue
        uids.append((uid, name, keyword, uid_type, retired == "Retired", info))
    uids.sort(key=lambda u: [int(p) for p in u[0].split(".")])
    types = sorted({u[3] for u in uids})
    uid_keywords = set()
    for u in uids:
        if u[2]:
            if u[2] in uid_keywords:
                sys.exit("duplicate UID keyword " + u[2])
            uid_keywords.add(u[2])

    type_lines = header("The UID types of PS3.6 Table A-1.", sources) + [
        "package org.hozon.dicom.dict;",
        "",
        "/** The type column of the UID registry (PS3.6 Table A-1). */",
        "public enum UidType {"]
    for i, t in enumerate(types):
        type_lines.append("    %s(%s)%s" % (uid_type_constant(t), java_string(t), "," if i < len(types) - 1 else ";"))
    type_lines += [
        "",
        "    private final String label;",
        "",
        "    UidType(String label) {",
        "        this.label = label;",
        "    }",
        "",
        "    /** The type as written in PS3.6, e.g. \"Transfer Syntax\". */",
        "    public String label() {",
        "        return label;",
        "    }",
        "",
        "    /** The type whose label is {@code label}, or null. */",
        "    public static UidType ofLabel(String label) {",
        "        for (UidType t : values()) {",
        "            if (t.label.equals(label)) {",
        "                return t;",
        "            }",
        "        }",
        "        return null;",
        "    }",
        "}"]
    write(os.path.join(JAVA, "dict", "UidType.java"), type_lines)

    uid_table = ["\t".join(check_field(x) for x in (u[0], u[1], u[2], uid_type_constant(u[3]), "R" if u[4] else "", u[5]))
                 for u in uids]
    body, _ = chunked_method(uid_table)
    write(os.path.join(JAVA, "dict", "UidTable.java"), header(
        "The UID registry of PS3.6 Table A-1 (%d UIDs)." % len(uids), sources) + [
        "package org.hozon.dicom.dict;",
        "",
        "/**",
        " * The UID registry of PS3.6 Table A-1 as text, parsed once by {@link UidDictionary}. One line",
        " * per UID, tab-separated: UID, name, keyword, {@link UidType} constant, \"R\" if retired, info.",
        " */",
        "final class UidTable {",
        "    /** Number of entries, checked by the parser. */",
        "    static final int SIZE = %d;" % len(uids),
        "",
        "    private UidTable() {",
        "    }",
        ""] + body + ["}"])

    uid_lines = header("UID constants of PS3.6 Table A-1 (%d keywords)." % len(uid_keywords), sources) + [
        "package org.hozon.dicom;",
        "",
        "/**",
        " * Every UID of the registry of PS3.6 Table A-1 that has a keyword, named by its keyword, e.g.",
        " * {@code UID.CTImageStorage}. Names and types are in {@link org.hozon.dicom.dict.UidDictionary}.",
        " */",
        "public final class UID {",
        "    private UID() {",
        "    }"]
    for uid, name, keyword, uid_type, retired, info in uids:
        if not keyword:
            continue
        doc = "%s: %s (%s)%s." % (uid, name, uid_type, ", retired" if retired else "")
        uid_lines += ["", "    /** " + javadoc_text(doc) + " */",
                      "    public static final String %s = %s;" % (keyword, java_string(uid))]
    uid_lines.append("}")
    write(os.path.join(JAVA, "UID.java"), uid_lines)

    print("sources: " + sources)
    print("elements: %d (%d exact, %d masks), %d tag keywords, %d table chunks"
          % (len(elements), len(elements) - n_masked, n_masked, len(keywords), nchunks))
    print("added from dcmtk: " + ", ".join("%s %s" % (e.pattern(), e.keyword) for e in added))
    for d in differences:
        print("differs: " + d)
    print("uids: %d (%d keywords, %d types); left out without name: %s"
          % (len(uids), len(uid_keywords), len(types), ", ".join(skipped)))


if __name__ == "__main__":
    main()
