package org.trollscan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The grammar words and endings that were Java until 7 December 2026 (the negation scope's
 * "but", the contact verb's "her", "it's cruel that", the forum quote markers, the plural
 * endings of the names annotator) as rule files: they hold exactly what the Java held, the
 * bundles trained before them get exactly that, and a line that does not parse is refused.
 */
class GrammarWordsTest {
  private static final Rules RULES = Rules.fromClasspath();

  @Test
  void theWordFilesHoldTheWordsThatWereJava() {
    assertEquals(Set.of("but"), RULES.words(Rules.NEGATION_ENDS));
    assertEquals(Set.of("her"), RULES.words(Rules.OBJECT_OR_POSSESSIVE));
    assertEquals(Set.of("that"), RULES.words(Rules.VERDICT_THAT));
    assertEquals(List.of(new Rules.QuoteBlockMarker("said:", "click to expand")),
        RULES.quoteBlockMarkers());
  }

  /** The names annotator's plural test as it was Java until 7 December 2026. */
  private static boolean pluralAsJavaHadIt(String token) {
    int n = token.length();
    if (n < 3 || token.charAt(n - 1) != 's') {
      return false;
    }
    char before = token.charAt(n - 2);
    return Character.isLetter(before) && "aeiousy".indexOf(before) < 0
        || token.endsWith("ves");
  }

  @Test
  void thePluralEndingsDecideAsTheJavaDidOnWordsThatMatter() {
    for (String word : List.of("democrats", "tiktoks", "wives", "ves", "james", "chris", "jess",
        "ms", "us", "s", "", "xs", "kerry's", "3s", "abcs", "ays", "renés", "aves", "lives",
        "gas", "bus")) {
      assertEquals(pluralAsJavaHadIt(word), RULES.pluralEndings().test(word), word);
    }
  }

  @Property
  void thePluralEndingsDecideAsTheJavaDidOnAnyWord(@ForAll("words") String word) {
    assertEquals(pluralAsJavaHadIt(word), RULES.pluralEndings().test(word), word);
  }

  @Provide
  Arbitrary<String> words() {
    // Short strings over the characters the test looks at, and any others, ending in s often.
    Arbitrary<String> stem = Arbitraries.strings().withChars("aeiouysvbtx'3é.").ofMaxLength(4)
        .injectDuplicates(0.1);
    Arbitrary<String> any = Arbitraries.strings().ofMaxLength(5);
    return Arbitraries.oneOf(stem.map(s -> s + "s"), stem, any, any.map(s -> s + "s"));
  }

  @Test
  void anEndingMatchesItsWildcardsAndTheFirstMatchDecides() {
    WordEndings endings = new WordEndings(List.of(new WordEndings.Ending(false, "xs"),
        new WordEndings.Ending(true, "?s"), new WordEndings.Ending(true, ".1")));
    assertEquals(false, endings.test("boxs"));
    assertEquals(true, endings.test("bobs"));
    assertEquals(true, endings.test("ös"));
    assertEquals(false, endings.test("3s"), "? is a letter");
    assertEquals(true, endings.test("31"), ". is any character");
    assertEquals(false, endings.test("1"), "an ending longer than the word");
    assertEquals(false, endings.test("bob"), "no ending matches");
  }

  @Test
  void aBundleWithoutTheFilesGetsThisTrollscansCopiesAndOneWithThemItsOwn() {
    Map<String, byte[]> files = new LinkedHashMap<>(RULES.files());
    for (String file : List.of(Rules.NEGATION_ENDS, Rules.QUOTE_BLOCK_MARKERS,
        Rules.PLURAL_ENDINGS, Rules.VERDICT_THAT, Rules.OBJECT_OR_POSSESSIVE)) {
      files.remove(file);
    }
    assertThrows(RuleException.class, () -> Rules.parse(files), "parse wants every file");
    Rules older = Rules.ofBundle(files);
    assertEquals(Set.of("but"), older.words(Rules.NEGATION_ENDS));
    assertEquals(RULES.pluralEndings(), older.pluralEndings());
    assertEquals(RULES.quoteBlockMarkers(), older.quoteBlockMarkers());

    files.put(Rules.NEGATION_ENDS, "yet\n".getBytes(StandardCharsets.UTF_8));
    files.put(Rules.QUOTE_BLOCK_MARKERS, "wrote: ... show more\n".getBytes(StandardCharsets.UTF_8));
    Rules own = Rules.ofBundle(files);
    assertEquals(Set.of("yet"), own.words(Rules.NEGATION_ENDS));
    assertEquals(List.of(new Rules.QuoteBlockMarker("wrote:", "show more")),
        own.quoteBlockMarkers());
  }

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      quote-block-markers.txt | said: ... click to expand\\nsaid: | 2 | 'said:' is not OPENER
      quote-block-markers.txt | said: ... click ... expand | 1 | 'said: ... click ... expand' is not
      quote-block-markers.txt | Said: ... click to expand | 1 | 'Said:' cannot be in a normalised
      quote-block-markers.txt | said:  ... click to expand | 1 | 'said: ' cannot be in a normalised
      plural-endings.txt | + ves\\n- as\\nves | 3 | 'ves' is not + or -, a space and an ending
      plural-endings.txt | + ves\\n* as | 2 | '* as' is not + or -, a space and an ending
      plural-endings.txt | + ves\\n- v s | 2 | '- v s' is not + or -, a space and an ending
      plural-endings.txt | + ves\\n- ves | 2 | the ending 'ves' is listed twice
      negation-ends.txt | but\\nand yet | 2 | 'and yet' is more than one word
      verdict-that.txt | that how | 1 | 'that how' is more than one word
      object-or-possessive.txt | her\\nhis them | 2 | 'his them' is more than one word
      """)
  void aLineThatDoesNotParseIsRefusedByLine(String file, String text, int line,
      String problem) {
    Map<String, byte[]> files = new LinkedHashMap<>(RULES.files());
    files.put(file, text.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8));
    RuleException e = assertThrows(RuleException.class, () -> Rules.parse(files));
    assertEquals(file, e.file());
    assertEquals(line, e.line());
    assertTrue(e.problem().startsWith(problem), e.problem());
  }
}
