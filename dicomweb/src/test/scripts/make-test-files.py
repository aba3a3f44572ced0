#!/usr/bin/python3
"""Writes the pydicom-made test files and the expected listings (see make-test-files.sh).

Usage: make-test-files.py make <outdir>      writes ct-explicit-le.dcm and mf-8bit.dcm
       make-test-files.py list <file> <out>  writes the element listing DicomFilesTest compares to
"""
import struct
import sys
import zlib

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian

ROOT = "2.25.329800735698586629295641978511506172918"


def item(**kw):
    ds = Dataset()
    for k, v in kw.items():
        setattr(ds, k, v)
    return ds


def file_meta(ds):
    fm = FileMetaDataset()
    fm.MediaStorageSOPClassUID = ds.SOPClassUID
    fm.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    fm.TransferSyntaxUID = ExplicitVRLittleEndian
    fm.ImplementationClassUID = ROOT + ".1"
    fm.ImplementationVersionName = "HOZON_TESTGEN"
    return fm


def ct():
    ds = Dataset()
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
    ds.SOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    ds.SOPInstanceUID = ROOT + ".10.1"
    ds.StudyDate = "20240401"
    ds.StudyTime = "101530.123"
    ds.Modality = "CT"
    ds.Manufacturer = "Hozon Test"
    ds.StudyDescription = "Chest^CT"
    ref = Sequence([item(ReferencedSOPClassUID="1.2.840.10008.5.1.4.1.1.2",
                         ReferencedSOPInstanceUID=ROOT + ".10.0"),
                    item(ReferencedSOPClassUID="1.2.840.10008.5.1.4.1.1.2",
                         ReferencedSOPInstanceUID=ROOT + ".10.2")])
    ref[0].is_undefined_length_sequence_item = True
    ds.ReferencedImageSequence = ref
    ds["ReferencedImageSequence"].is_undefined_length = True
    ds.ReferencedStudySequence = Sequence([])          # empty, defined length
    ds.PatientName = "M\u00fcller^Hans"
    ds.PatientID = "ID-0001"
    ds.PatientBirthDate = "19600101"
    ds.PatientSex = "M"
    # Private block with a creator, a string, a binary value, a private sequence and an OB value.
    ds.add_new(0x00090010, "LO", "HOZON TEST")
    ds.add_new(0x00091001, "LO", "private value")
    ds.add_new(0x00091002, "US", 42)
    ds.add_new(0x00091003, "SQ", Sequence([item(CodeValue="P1", CodingSchemeDesignator="99HOZ")]))
    ds[0x00091003].is_undefined_length = True
    ds[0x00091003].value[0].is_undefined_length_sequence_item = True
    ds.add_new(0x00091004, "OB", bytes(range(256)) * 2)
    ds.SliceThickness = "1.25"
    ds.KVP = "120"
    ds.DiffusionBValue = 1000.5                        # FD
    ds.StudyInstanceUID = ROOT + ".1"
    ds.SeriesInstanceUID = ROOT + ".2"
    ds.InstanceNumber = "7"
    ds.ImagePositionPatient = ["-125.5", "-130", "42.25"]
    ds.ImageOrientationPatient = ["1", "0", "0", "0", "1", "0"]
    # Three levels of nesting, mixing defined and undefined lengths.
    concept = item(CodeValue="113691", CodingSchemeDesignator="DCM", CodeMeaning="IHE Scheduled Workflow")
    protocol = item(CodeValue="CTCHEST", CodingSchemeDesignator="99HOZ", CodeMeaning="CT Chest",
                    ConceptNameCodeSequence=Sequence([concept]))
    protocol.is_undefined_length_sequence_item = True
    request = item(RequestedProcedureID="RP1", ScheduledProcedureStepID="SPS1",
                   ScheduledProtocolCodeSequence=Sequence([protocol]))
    request["ScheduledProtocolCodeSequence"].is_undefined_length = True
    ds.RequestAttributesSequence = Sequence([request, Dataset()])   # second item empty
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows = 32
    ds.Columns = 32
    ds.PixelSpacing = ["0.5", "0.5"]
    ds.BitsAllocated = 16
    ds.BitsStored = 12
    ds.HighBit = 11
    ds.PixelRepresentation = 0
    ds.WindowCenter = ["40", "400"]
    ds.WindowWidth = ["400", "1500"]
    ds.RescaleIntercept = "-1024"
    ds.RescaleSlope = "1"
    ds.TextValue = "A UT value\\with a backslash that is not a separator"
    pixels = (np.arange(32 * 32, dtype=np.uint16) * 3) % 4096
    ds.PixelData = pixels.tobytes()
    ds["PixelData"].VR = "OW"
    return ds


def multiframe():
    ds = Dataset()
    ds.SOPClassUID = "1.2.840.10008.5.1.4.1.1.7.2"   # Multi-frame Grayscale Byte SC
    ds.SOPInstanceUID = ROOT + ".20.1"
    ds.Modality = "OT"
    ds.PatientName = "Frames^Two"
    ds.StudyInstanceUID = ROOT + ".1"
    ds.SeriesInstanceUID = ROOT + ".3"
    ds.NumberOfFrames = "2"
    ds.FrameIncrementPointer = 0x00181063
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows = 64
    ds.Columns = 64
    ds.BitsAllocated = 8
    ds.BitsStored = 8
    ds.HighBit = 7
    ds.PixelRepresentation = 0
    y, x = np.mgrid[0:64, 0:64]
    frames = np.stack([(x * 4 + y) % 256, (y * 4 + (x * x) % 7) % 256]).astype(np.uint8)
    ds.PixelData = frames.tobytes()
    ds["PixelData"].VR = "OB"
    return ds


def save(ds, path):
    ds.file_meta = file_meta(ds)
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    ds.save_as(path, write_like_original=False)


def crc(b):
    return "%08x" % (zlib.crc32(b or b"") & 0xFFFFFFFF)


def fragments(raw, little):
    """(count, lengths, crc of all fragment bytes) of an encapsulated value (delimiter excluded)."""
    fmt = "<HHL" if little else ">HHL"
    pos, lengths, data = 0, [], b""
    while pos + 8 <= len(raw):
        g, e, n = struct.unpack_from(fmt, raw, pos)
        if (g, e) == (0xFFFE, 0xE0DD):
            break
        lengths.append(n)
        data += raw[pos + 8:pos + 8 + n]
        pos += 8 + n
    return lengths, crc(data)


def sq_vr(raw):
    if raw.VR:
        return raw.VR
    if raw.tag.is_private:
        return "UN"
    try:
        return pydicom.datadict.dictionary_VR(raw.tag)
    except KeyError:
        return "UN"


def walk(ds, prefix, out, little):
    for tag in sorted(ds._dict.keys()):
        elem = ds._dict[tag]
        path = prefix + "%08X" % tag
        vr = getattr(elem, "VR", None) or "-"
        if isinstance(elem, pydicom.dataelem.RawDataElement) and sq_vr(elem) == "SQ":
            elem = ds[tag]          # let pydicom parse the items of a defined-length sequence
        if isinstance(elem, pydicom.dataelem.RawDataElement):
            if elem.length == 0xFFFFFFFF:
                lengths, c = fragments(elem.value, little)
                out.append("%s %s frags=%s %s" % (path, vr, ",".join(map(str, lengths)), c))
            else:
                out.append("%s %s %d %s" % (path, vr, elem.length, crc(elem.value)))
        elif elem.VR == "SQ":
            out.append("%s SQ items=%d" % (path, len(elem.value)))
            for i, it in enumerate(elem.value):
                walk(it, "%s/%d/" % (path, i), out, little)
        elif tag == 0x00080005:
            # pydicom decodes Specific Character Set eagerly: encode it back (CS, space padded).
            v = elem.value if isinstance(elem.value, str) else "\\".join(elem.value)
            b = v.encode("ascii")
            b += b" " * (len(b) % 2)
            out.append("%s %s %d %s" % (path, elem.VR, len(b), crc(b)))
        else:
            raise SystemExit("unexpected converted element %s" % path)


def listing(path, outpath):
    ds = pydicom.dcmread(path, force=True)
    little = ds.is_little_endian if ds.is_little_endian is not None else True
    out = []
    walk(ds, "", out, little)
    with open(outpath, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    if sys.argv[1] == "make":
        save(ct(), sys.argv[2] + "/ct-explicit-le.dcm")
        save(multiframe(), sys.argv[2] + "/mf-8bit.dcm")
    else:
        listing(sys.argv[2], sys.argv[3])
