package org.hozon.dicomweb.qido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class NameNormalizerTest {

    @Test
    void literalFoldsCaseAndWidth() {
        assertEquals("yamada^tarou", NameNormalizer.literal("YAMADA^Tarou"));
        assertEquals("yamada", NameNormalizer.literal("ＹＡＭＡＤＡ"));
        // half-width katakana with a separate voiced mark becomes one full-width character
        assertEquals("ヤマダ", NameNormalizer.literal("ﾔﾏﾀﾞ"));
        assertEquals("山田^太郎", NameNormalizer.literal("山田^太郎"));
        assertEquals("*", NameNormalizer.literal("＊"));
        assertEquals("müller", NameNormalizer.literal("MÜLLER"));
        assertNull(NameNormalizer.literal(null));
    }

    @Test
    void fuzzyAlsoFoldsKanaAndAccents() {
        assertEquals("やまだ", NameNormalizer.fuzzy("ヤマダ"));
        assertEquals("やまだ", NameNormalizer.fuzzy("ﾔﾏﾀﾞ"));
        assertEquals("ゔぁー", NameNormalizer.fuzzy("ヴァー"));
        assertEquals("muller", NameNormalizer.fuzzy("Müller"));
        assertEquals("francois", NameNormalizer.fuzzy("FRANÇOIS"));
        assertEquals("が", NameNormalizer.fuzzy("ガ"), "dakuten is not an accent");
        assertEquals(NameNormalizer.fuzzy("やまだ^たろう"), NameNormalizer.fuzzy("ヤマダ^タロウ"));
        assertEquals("abc", NameNormalizer.normalize("ABC", true));
        assertEquals("ヤ", NameNormalizer.normalize("ヤ", false));
    }

    @Test
    void personNameMatcherDirectly() {
        String stored = "Yamada^Tarou=山田^太郎=やまだ^たろう";
        assertTrue(PersonNameMatcher.matches("山田^太郎", stored, false));
        assertTrue(PersonNameMatcher.matches("*太郎", stored, false));
        assertTrue(PersonNameMatcher.matches("やまだ^たろう", stored, false));
        assertFalse(PersonNameMatcher.matches("ヤマダ^タロウ", stored, false));
        assertTrue(PersonNameMatcher.matches("ヤマダ^タロウ", stored, true));
        assertTrue(PersonNameMatcher.matches("=山田", stored, true));
        assertFalse(PersonNameMatcher.matches("==山田", stored, true));
        // an ideographic name written without component delimiter still matches by prefix
        assertTrue(PersonNameMatcher.matches("山田", "=山田太郎", true));
        assertEquals(List.of("yamada", "tarou"), PersonNameMatcher.words("yamada^ tarou"));
    }

    @Test
    void wildcardPatterns() {
        WildcardPattern p = WildcardPattern.of("Ya?ada*");
        assertTrue(p.matches("Yamada^Tarou"));
        assertTrue(p.matches("Yamada"));
        assertFalse(p.matches("Yada"));
        assertTrue(WildcardPattern.of("山?").matches("山田"));
        assertTrue(WildcardPattern.of("?").matches("𠀋"), "? is one code point, even outside the BMP");
        assertTrue(WildcardPattern.of("a.b(c)*").matches("a.b(c)d"), "regex characters are literal");
        assertFalse(WildcardPattern.of("a.b").matches("axb"));
        assertEquals("Ya_ada%", p.toSqlLike('!'));
        assertEquals("100!%!_x!!%", WildcardPattern.of("100%_x!*").toSqlLike('!'));
        assertEquals("Ya", p.literalPrefix());
        assertEquals("", WildcardPattern.of("*x").literalPrefix());
    }
}
