package org.hozon.dicom.charset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hozon.dicom.charset.PersonName.Component;
import org.hozon.dicom.charset.PersonName.Group;
import org.junit.jupiter.api.Test;

class PersonNameTest {

    @Test
    void parsesAndFormatsThePs35Examples() {
        PersonName pn = PersonName.parse("Adams^John Robert Quincy^^Rev.^B.A. M.Div.");
        assertEquals("Adams", pn.get(Group.ALPHABETIC, Component.FAMILY));
        assertEquals("John Robert Quincy", pn.get(Group.ALPHABETIC, Component.GIVEN));
        assertEquals("", pn.get(Group.ALPHABETIC, Component.MIDDLE));
        assertEquals("Rev.", pn.get(Group.ALPHABETIC, Component.PREFIX));
        assertEquals("B.A. M.Div.", pn.get(Group.ALPHABETIC, Component.SUFFIX));
        assertEquals("Adams^John Robert Quincy^^Rev.^B.A. M.Div.", pn.toString());
        assertFalse(pn.hasGroup(Group.IDEOGRAPHIC));
    }

    @Test
    void omitsTrailingEmptyComponentsAndGroups() {
        assertEquals("Doe^John", PersonName.parse("Doe^John^^^").toString());
        assertEquals("Wang^XiaoDong=王^小東", PersonName.parse("Wang^XiaoDong=王^小東=").toString());
        assertEquals("=山田^太郎", PersonName.parse("=山田^太郎").toString());
        assertEquals("", PersonName.parse("").toString());
        assertTrue(PersonName.parse("^=^").isEmpty());
    }

    @Test
    void groupsAndCopies() {
        PersonName pn = PersonName.parse("Yamada^Tarou=山田^太郎=やまだ^たろう ");
        assertEquals("山田^太郎", pn.format(Group.IDEOGRAPHIC));
        assertEquals("たろう", pn.get(Group.PHONETIC, Component.GIVEN));
        assertEquals(pn, PersonName.ofGroups("Yamada^Tarou", "山田^太郎", "やまだ^たろう"));
        PersonName changed = pn.with(Group.ALPHABETIC, Component.PREFIX, "Dr.");
        assertEquals("Yamada^Tarou^^Dr.=山田^太郎=やまだ^たろう", changed.toString());
        assertEquals("Yamada^Tarou", pn.format(Group.ALPHABETIC));
    }

    @Test
    void dropsWhatPnDoesNotAllow() {
        assertEquals("a^b^c^d^e=f=g", PersonName.parse("a^b^c^d^e^x=f=g=h").toString());
    }
}
