package org.trollscan.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trollscan.rules.Rules;

/** The markup and obfuscation steps read the tables they are given, and nothing else. */
class StepTablesTest {
  private static final CharacterTables TABLES =
      Rules.fromClasspath().lexicons().characterTables();
  private static final MarkupStep.Tags TAGS = TABLES.markupTags();
  private static final ObfuscationStep.Leet LEET = TABLES.leet();
  private static final List<String> VOCABULARY = List.of("report", "claim", "social");

  private static String markup(MarkupStep.Tags tags, String text) {
    return new MarkupStep(tags).apply(MappedText.of(text)).text();
  }

  private static String obfuscation(ObfuscationStep.Leet leet, String text) {
    return new ObfuscationStep(VOCABULARY, leet).apply(MappedText.of(text)).text();
  }

  @Test
  void aTagBreaksALineOrIsTakenOutAsItsTableSays() {
    assertEquals("ring social\nservices", markup(TAGS, "ring social<br>services"));
    assertEquals("report", markup(TAGS, "r<b>e</b>port"));
    MarkupStep.Tags swapped = new MarkupStep.Tags(Set.of("b"), Set.of("br"));
    assertEquals("ring socialservices", markup(swapped, "ring social<br>services"));
    assertEquals("r\ne\nport", markup(swapped, "r<b>e</b>port"));
    MarkupStep.Tags none = new MarkupStep.Tags(Set.of(), Set.of());
    assertEquals("ring social<br>services", markup(none, "ring social<br>services"));
  }

  @Test
  void caseFoldingWritesTheMarksItsTableSays() {
    CaseFoldStep step = new CaseFoldStep(TABLES.quoteMarks());
    assertEquals("don't say \"ring her\"",
        step.apply(MappedText.of("Don\u2019t say \u201cring her\u201d")).text());
    CaseFoldStep backtick = new CaseFoldStep(Map.of('`', '\''));
    assertEquals("don't say \u201cring her\u201d",
        backtick.apply(MappedText.of("Don`t say \u201cRing her\u201d")).text());
    assertEquals("don`t", new CaseFoldStep(Map.of()).apply(MappedText.of("don`t")).text());
  }

  @Test
  void aCharacterIsReadAsTheLetterItsTableSays() {
    assertEquals("report her", obfuscation(LEET, "r3p0rt her"));
    assertEquals("claim", obfuscation(LEET, "c1aim"), "1 is i, else l");
    ObfuscationStep.Leet without3 = new ObfuscationStep.Leet(Map.of('0', 'o'), Map.of());
    assertEquals("r3p0rt her", obfuscation(without3, "r3p0rt her"), "3 is no letter now");
    assertEquals("report", obfuscation(without3, "rep0rt"));
    ObfuscationStep.Leet percent = new ObfuscationStep.Leet(Map.of('%', 'o'), Map.of());
    assertEquals("report", obfuscation(percent, "rep%rt"), "% is a mask once a table says so");
    assertEquals("rep%rt", obfuscation(LEET, "rep%rt"));
    assertEquals("claim", obfuscation(without3, "c*aim"), "a star is any letter, always");
  }

  @Test
  void aCharacterBeyondAsciiIsReadAsTheLetterItsTableSaysAndItsSecondLetter() {
    ObfuscationStep.Leet beyond = new ObfuscationStep.Leet(
        Map.of('\u20AC', 'e', '\u00A1', 'i'), Map.of('\u00A1', 'l'));
    assertEquals("report her", obfuscation(beyond, "r\u20ACp*rt her"));
    assertEquals("claim", obfuscation(beyond, "c\u00A1aim"), "\u00A1 is i, else l");
    assertEquals("r\u00A3port", obfuscation(beyond, "r\u00A3port"), "\u00A3 is no letter");
    assertEquals("r\u20ACport", obfuscation(LEET, "r\u20ACport"), "\u20AC only with that table");
  }

  @Test
  void aTableThatCannotWorkIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new MarkupStep.Tags(Set.of("br"), Set.of("br")));
    assertThrows(IllegalArgumentException.class,
        () -> new MarkupStep.Tags(Set.of("Br"), Set.of()));
    assertThrows(IllegalArgumentException.class,
        () -> new ObfuscationStep.Leet(Map.of('a', 'o'), Map.of()));
    assertThrows(IllegalArgumentException.class,
        () -> new ObfuscationStep.Leet(Map.of('0', 'o'), Map.of('1', 'l')));
  }
}
