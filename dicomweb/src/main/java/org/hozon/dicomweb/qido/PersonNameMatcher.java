package org.hozon.dicomweb.qido;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.hozon.dicom.charset.PersonName;
import org.hozon.dicom.charset.PersonName.Group;

/**
 * Matches a PN query value against one stored PN value. Hozon's PN rules (to be stated in the
 * Conformance Statement):
 * <ul>
 *   <li>A query without {@code =} is matched against each component group (Alphabetic,
 *       Ideographic, Phonetic) and matches if any group does, so {@code 山田^太郎} and
 *       {@code やまだ^たろう} both find {@code Yamada^Tarou=山田^太郎=やまだ^たろう}.</li>
 *   <li>A query with {@code =} matches group by group; an empty query group matches anything.</li>
 *   <li>Literal matching compares whole groups after {@link NameNormalizer#literal} (case and
 *       width insensitive); trailing empty components do not count.</li>
 *   <li>Wild cards apply to the whole group text, {@code ^} included ({@code Yamada*} matches
 *       {@code Yamada^Tarou}), after the same normalization.</li>
 *   <li>Fuzzy matching ({@code fuzzymatching=true}, no wild cards): {@link NameNormalizer#fuzzy}
 *       (also accents, katakana/hiragana), and every word of the query (split on {@code ^} and
 *       spaces) must be a prefix of some word of the group: {@code tar yam} matches
 *       {@code Yamada^Tarou}.</li>
 * </ul>
 */
public final class PersonNameMatcher {
    private PersonNameMatcher() {
    }

    /** True if the stored PN value {@code stored} matches the query value {@code query}. */
    public static boolean matches(String query, String stored, boolean fuzzy) {
        return compile(query, fuzzy).test(stored);
    }

    /**
     * A test of stored PN values against {@code query}, with the query parsed and normalized
     * once (for matching many values).
     */
    public static Predicate<String> compile(String query, boolean fuzzy) {
        PersonName q = PersonName.parse(query);
        if (query.indexOf('=') >= 0) {
            List<GroupTest> tests = new ArrayList<>();
            for (Group g : Group.values()) {
                String qg = q.format(g);
                if (!qg.isEmpty()) {
                    tests.add(new GroupTest(g, groupTest(qg, fuzzy)));
                }
            }
            return stored -> {
                PersonName name = PersonName.parse(stored);
                return tests.stream().allMatch(t -> t.test.test(NameNormalizer.normalize(name.format(t.group), fuzzy)));
            };
        }
        Predicate<String> test = groupTest(q.format(Group.ALPHABETIC), fuzzy);
        return stored -> {
            PersonName name = PersonName.parse(stored);
            for (Group g : Group.values()) {
                if (test.test(NameNormalizer.normalize(name.format(g), fuzzy))) {
                    return true;
                }
            }
            return false;
        };
    }

    private record GroupTest(Group group, Predicate<String> test) {
    }

    /** A test of one normalized stored group against one query group (in {@link PersonName#format} form). */
    private static Predicate<String> groupTest(String query, boolean fuzzy) {
        String q = NameNormalizer.normalize(query, fuzzy);
        if (WildcardPattern.hasWildcards(q)) {
            return WildcardPattern.of(q)::matches;
        }
        if (fuzzy) {
            List<String> queryWords = words(q);
            return s -> wordPrefixes(queryWords, s);
        }
        return q::equals;
    }

    /** True if every word of {@code query} is a prefix of some word of {@code stored}. */
    static boolean wordPrefixes(List<String> queryWords, String stored) {
        List<String> storedWords = words(stored);
        for (String word : queryWords) {
            if (storedWords.stream().noneMatch(w -> w.startsWith(word))) {
                return false;
            }
        }
        return true;
    }

    /** Words of a normalized group: split on {@code ^} and white space, empties dropped. */
    public static List<String> words(String group) {
        List<String> out = new ArrayList<>();
        for (String w : group.split("[\\^\\s]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
