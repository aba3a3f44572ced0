#!/usr/bin/env python3
"""Writes pydicom-reference.tsv: text encoded by pydicom (an independent implementation) under
various Specific Character Sets. CharsetReferenceTest reads it; the tests never need Python.

Run from this directory with Debian's python3-pydicom (2.3):  /usr/bin/python3 pydicom_reference.py
Columns: the values of (0008,0005) joined by backslash, the text, the encoded bytes in hex.
"""
import codecs
import pydicom.charset as charset

CASES = [
    (["ISO_IR 100"], "Buc^Jérôme"),
    (["ISO_IR 100"], "Äneas^Rüdiger"),
    (["ISO_IR 101"], "Dvořák^Antonín"),
    (["ISO_IR 109"], "Ġużeppi^Borġ"),
    (["ISO_IR 110"], "Āboliņš^Jānis"),
    (["ISO_IR 144"], "Иванов^Пётр"),
    (["ISO_IR 127"], "قباني^لنزار"),
    (["ISO_IR 126"], "Διονυσιος"),
    (["ISO_IR 138"], "שרון^דבורה"),
    (["ISO_IR 148"], "Çelik^Şükrü Ağaoğlu"),
    (["ISO_IR 166"], "สมชาย^ใจดี"),
    (["ISO_IR 192"], "Wang^XiaoDong=王^小東="),
    (["GB18030"], "Wang^XiaoDong=王^小东="),
    (["GBK"], "Wang^XiaoDong=王^小东="),
    (["", "ISO 2022 IR 87"], "Yamada^Tarou=山田^太郎=やまだ^たろう"),
    (["", "ISO 2022 IR 87", "ISO 2022 IR 159"], "Kanji^丂"),
    (["", "ISO 2022 IR 149"], "Hong^Gildong=洪^吉洞=홍^길동"),
    (["", "ISO 2022 IR 58"], "Zhang^XiaoDong=张^小东="),
    (["ISO 2022 IR 100", "ISO 2022 IR 144"], "Jérôme^Иван"),
    (["ISO 2022 IR 100", "ISO 2022 IR 126"], "Müller^Διονυσιος"),
]

# pydicom 2.3 does not know ISO_IR 203 (Latin-9); Python's codec is the reference there.
EXTRA = [
    (["ISO_IR 203"], "Œuvre^Zoë €", codecs.encode("Œuvre^Zoë €", "iso8859_15")),
]

with open("pydicom-reference.tsv", "w", encoding="utf-8") as out:
    for terms, text in CASES:
        data = charset.encode_string(text, charset.convert_encodings(terms))
        back = charset.decode_bytes(data, charset.convert_encodings(terms), {0x5E, 0x3D})
        if back != text:
            # pydicom 2.3 designates ISO 2022 IR 149/58 only once per value, which its own
            # decoder (resetting at '^' and '=') then misreads; such cases are not a reference.
            print("skipped, pydicom does not read back its own encoding:", terms, text)
            continue
        out.write("\\".join(terms) + "\t" + text + "\t" + data.hex() + "\n")
    for terms, text, data in EXTRA:
        out.write("\\".join(terms) + "\t" + text + "\t" + data.hex() + "\n")
