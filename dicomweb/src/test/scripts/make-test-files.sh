#!/bin/sh
# Regenerates the DICOM test files in src/test/resources/dicom with tools other than ours:
# pydicom (python3-pydicom) writes the originals, dcmtk (dump2dcm, dcmconv, dcmcrle, dcmcjpeg)
# transcodes and compresses them, and pydicom lists every element of every file (tag, VR,
# length, CRC-32 of the value) into <file>.txt, the expected result DicomFilesTest compares to.
# Run from anywhere: dicomweb/src/test/scripts/make-test-files.sh   (needs Debian's dcmtk and
# python3-pydicom; the generated files are committed, so the tests do not need the tools).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../resources/dicom"
py=/usr/bin/python3
mkdir -p "$out"
cd "$out"
rm -f ./*.dcm ./*.txt

"$py" "$here/make-test-files.py" make .
dcmconv +ti ct-explicit-le.dcm ct-implicit-le.dcm
dcmconv +tb ct-explicit-le.dcm ct-explicit-be.dcm
dcmconv +td ct-explicit-le.dcm ct-deflated.dcm
dcmconv +te -e ct-explicit-le.dcm ct-explicit-le-undefined.dcm
dcmconv +ti -e ct-explicit-le.dcm ct-implicit-le-undefined.dcm
dcmconv +tb -e ct-explicit-le.dcm ct-explicit-be-undefined.dcm
dcmconv -F +ti ct-explicit-le.dcm ct-raw-implicit.dcm
dcmconv -F +te ct-explicit-le.dcm ct-raw-explicit.dcm
dcmcrle -ot mf-8bit.dcm mf-rle.dcm
dcmcjpeg +eb +fs 1 mf-8bit.dcm mf-jpeg.dcm
dump2dcm "$here/sr-like.dump" sr-dcmtk.dcm
dump2dcm -e +g "$here/sr-like.dump" sr-dcmtk-undefined.dcm

for f in *.dcm; do
    "$py" "$here/make-test-files.py" list "$f" "$f.txt"
done
ls -l
