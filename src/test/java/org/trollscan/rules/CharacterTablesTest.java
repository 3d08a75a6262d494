package org.trollscan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trollscan.normalize.CharacterTables;
import org.trollscan.normalize.ObfuscationStep;

/**
 * The character tables that were Java until 7 December 2026 (the markup step's HTML tags, the
 * obfuscation step's leet table) as rule files: they hold exactly the Java tables, the bundles
 * trained before them get exactly those, and a table that does not parse is refused by line.
 */
class CharacterTablesTest {
  private static final Rules RULES = Rules.fromClasspath();
  private static final CharacterTables TABLES = RULES.lexicons().characterTables();

  @Test
  void theTagFilesHoldTheTagSetsThatWereJava() {
    assertEquals(Set.of("br", "p", "div", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4",
        "h5", "h6", "tr", "table", "hr", "pre"), TABLES.markupTags().breaking());
    assertEquals(Set.of("a", "b", "i", "u", "s", "em", "strong", "span", "img", "small", "big",
        "sup", "sub", "strike", "del", "ins", "font", "code", "mark", "abbr", "cite", "q", "td",
        "th", "tbody", "thead"), TABLES.markupTags().inline());
  }

  @Test
  void theQuoteMarkFileHoldsTheSwitchThatWasJava() {
    assertEquals(Map.of('\u2019', '\'', '\u2018', '\'', '\u00b4', '\'', '`', '\'', '\u02bc', '\'',
        '\u201c', '"', '\u201d', '"'), TABLES.quoteMarks());
  }

  @Test
  void aQuoteMarkLineThatDoesNotParseIsRefusedByLine() {
    assertRefused(Rules.QUOTE_MARKS, "\u2019 '\n\u2018 ' '", 2, "'\u2018 ' '' has 3 words");
    assertRefused(Rules.QUOTE_MARKS, "a x", 1, "'x' is no mark");
    assertRefused(Rules.QUOTE_MARKS, "' \"", 1, "''' cannot be written as a mark");
    assertRefused(Rules.QUOTE_MARKS, "` '\n` \"", 2, "'`' is listed twice");
  }

  private static void assertRefused(String file, String text, int line, String problem) {
    Map<String, byte[]> files = new LinkedHashMap<>(RULES.files());
    files.put(file, text.getBytes(StandardCharsets.UTF_8));
    RuleException e = assertThrows(RuleException.class, () -> Rules.parse(files));
    assertEquals(file, e.file());
    assertEquals(line, e.line());
    assertTrue(e.problem().startsWith(problem), e.problem());
  }

  @Test
  void theLeetFileHoldsTheSwitchThatWasJava() {
    ObfuscationStep.Leet leet = TABLES.leet();
    Map<Character, Character> letters = new LinkedHashMap<>();
    for (String pair : List.of("0o", "1i", "!i", "|i", "3e", "4a", "@a", "5s", "$s", "7t", "8b",
        "9g")) {
      letters.put(pair.charAt(0), pair.charAt(1));
    }
    assertEquals(letters, leet.letters());
    assertEquals(Map.of('1', 'l', '|', 'l'), leet.second());
  }

  private static CharacterTables tablesOf(Rules rules) {
    return rules.lexicons().characterTables();
  }

  @Test
  void aCommentOrBlankLineDoesNotChangeATablesDigest() {
    byte[] file = RULES.files().get(Rules.LEET);
    byte[] commented = ("# a new comment\n\n" + new String(file, StandardCharsets.UTF_8)
        + "\n# and one at the end\n").getBytes(StandardCharsets.UTF_8);
    assertEquals(Rules.tableDigest(Rules.LEET, file), Rules.tableDigest(Rules.LEET, commented));
    byte[] edited = new String(file, StandardCharsets.UTF_8).replace("\n3 e\n", "\n3 a\n")
        .getBytes(StandardCharsets.UTF_8);
    assertTrue(!Rules.tableDigest(Rules.LEET, file).equals(Rules.tableDigest(Rules.LEET, edited)));
  }

  @Test
  void aBundleWithoutTheTablesGetsThisTrollscansCopiesAndOneWithThemItsOwn() {
    Map<String, byte[]> files = new LinkedHashMap<>(RULES.files());
    Rules.TABLES_OLDER_BUNDLES_LACK.keySet().forEach(files::remove);
    assertThrows(RuleException.class, () -> Rules.parse(files), "parse wants every file");
    Rules older = Rules.ofBundle(files);
    assertEquals(TABLES.leet(), tablesOf(older).leet());
    assertEquals(TABLES.markupTags(), tablesOf(older).markupTags());

    files.put(Rules.LEET, "% o\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(Map.of('%', 'o'), tablesOf(Rules.ofBundle(files)).leet().letters());
  }

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      leet.txt               | 0 o\\n3 e f g                | 2 | '3 e f g' has 4 words
      leet.txt               | 0 o\\nab c                   | 2 | 'ab' cannot stand for a letter
      leet.txt               | x o                          | 1 | 'x' cannot stand for a letter
      leet.txt               | * o                          | 1 | '*' cannot stand for a letter
      leet.txt               | 3 E                          | 1 | 'E' is no lower-case letter
      leet.txt               | 3 e\\n3 a                    | 2 | '3' is listed twice
      html-breaking-tags.txt | br\\n<p>                     | 2 | '<p>' is no tag name
      html-breaking-tags.txt | BR                           | 1 | 'BR' is no tag name
      html-breaking-tags.txt | verylongtagname              | 1 | 'verylongtagname' is no tag name
      html-inline-tags.txt   | a\\nbr                       | 2 | 'br' is in html-breaking-tags
      """)
  void aTableThatDoesNotParseIsRefusedNamingTheFileAndLine(String file, String text, int line,
      String problem) {
    Map<String, byte[]> files = new LinkedHashMap<>(RULES.files());
    files.put(file, text.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8));
    RuleException e = assertThrows(RuleException.class, () -> Rules.parse(files));
    assertEquals(file, e.file());
    assertEquals(line, e.line());
    assertTrue(e.problem().startsWith(problem), e.problem());
  }
}
