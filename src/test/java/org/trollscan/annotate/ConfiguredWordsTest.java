package org.trollscan.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.trollscan.rules.Rules;

/**
 * The annotators read their grammar words and endings from the model's rules, not from Java:
 * the same post is annotated otherwise by rules whose file says otherwise.
 */
class ConfiguredWordsTest {
  private static final TextAnalyzer SHIPPED =
      TextAnalyzer.forTokenizer("forum", Rules.fromClasspath());

  /** An analyzer over this trollscan's rules with one file's text replaced. */
  private static TextAnalyzer with(String file, String text) {
    Map<String, byte[]> files = new LinkedHashMap<>(Rules.fromClasspath().files());
    files.put(file, text.getBytes(StandardCharsets.UTF_8));
    return TextAnalyzer.forTokenizer("forum", Rules.parse(files));
  }

  private static Function<AnalyzedText, boolean[]> mark(Annotation.Key<boolean[]> key) {
    return t -> t.get(key);
  }

  @Test
  void aNegationsScopeEndsAtTheWordsOfNegationEnds() {
    String post = "don't report her but do tell the mods";
    assertEquals("report her", MarkedTokens.of(SHIPPED, post, mark(Annotation.NEGATED)));
    assertEquals("report her but do tell the", MarkedTokens.of(
        with(Rules.NEGATION_ENDS, "# none\n"), post, mark(Annotation.NEGATED)));
    assertEquals("report", MarkedTokens.of(with(Rules.NEGATION_ENDS, "her\n"), post,
        mark(Annotation.NEGATED)));
  }

  @Test
  void itsCruelThatJoinsByTheWordsOfVerdictThat() {
    String that = "it's so cruel that someone reported her to the council";
    String how = "it's so cruel how someone reported her to the council";
    TextAnalyzer withHow = with(Rules.VERDICT_THAT, "how\n");
    String clause = "someone reported her to the council";
    assertEquals(clause, MarkedTokens.of(SHIPPED, that, mark(Annotation.CONDEMNED)));
    assertEquals("", MarkedTokens.of(SHIPPED, how, mark(Annotation.CONDEMNED)));
    assertEquals("", MarkedTokens.of(withHow, that, mark(Annotation.CONDEMNED)));
    assertEquals(clause, MarkedTokens.of(withHow, how, mark(Annotation.CONDEMNED)));
  }

  @Test
  void aForumsQuoteBlockIsFoundByTheMarkersOfQuoteBlockMarkers() {
    String xenForo = "Bex said:\nring the council on her\nClick to expand...\nabsolutely not";
    String other = "Bex wrote:\nring the council on her\nShow more\nabsolutely not";
    TextAnalyzer wrote = with(Rules.QUOTE_BLOCK_MARKERS, "wrote: ... show more\n");
    assertEquals("bex said : ring the council on her click to expand",
        MarkedTokens.of(SHIPPED, xenForo, mark(Annotation.QUOTED)));
    assertEquals("", MarkedTokens.of(SHIPPED, other, mark(Annotation.QUOTED)));
    assertEquals("", MarkedTokens.of(wrote, xenForo, mark(Annotation.QUOTED)));
    assertEquals("bex wrote : ring the council on her show more",
        MarkedTokens.of(wrote, other, mark(Annotation.QUOTED)));
  }

  @Test
  void aCapitalisedPluralIsNoNameByTheEndingsOfPluralEndings() {
    String post = "someone should report Vloggers and Wolves to the council";
    assertEquals("", MarkedTokens.of(SHIPPED, post, mark(Annotation.NAMES)));
    assertEquals("vloggers", MarkedTokens.of(with(Rules.PLURAL_ENDINGS, "+ ves\n- rs\n+ ?s\n"),
        post, mark(Annotation.NAMES)));
    assertEquals("vloggers wolves", MarkedTokens.of(with(Rules.PLURAL_ENDINGS, "# none\n"),
        post, mark(Annotation.NAMES)));
  }
}
