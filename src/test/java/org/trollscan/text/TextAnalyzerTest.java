package org.trollscan.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextAnalyzerTest {
  private final TextAnalyzer analyzer = TextAnalyzer.forTokenizer("forum");

  @Test
  void forumTokenizerKeepsContractionsAndSplitsHyphensAndPunctuationRuns() {
    AnalyzedText t = analyzer.analyze("Don't mass-report her!!! 😂😂 ok?");
    assertArrayEquals(new String[] {"don't", "mass", "-", "report", "her", "!!", "😂", "😂", "ok", "?"},
        t.tokens());
  }

  @Test
  void sentencesBreakAtFullStopsAndLineBreaks() {
    AnalyzedText t = analyzer.analyze("ring them. she is fine\nreally");
    assertEquals(0, t.sentence()[0]);
    assertEquals(1, t.sentence()[3]);
    assertEquals(2, t.sentence()[t.tokens().length - 1]);
  }

  @Test
  void originalPhraseQuotesTheTextAsWrittenEvenWhenObfuscated() {
    String post = "Pls r3port h3r to S O C I A L  S E R V I C E S today";
    AnalyzedText t = analyzer.analyze(post);
    assertEquals("report", t.tokens()[1]);
    assertEquals("r3port h3r", t.originalPhrase(1, 3));
    int social = java.util.Arrays.asList(t.tokens()).indexOf("social");
    assertEquals("S O C I A L  S E R V I C E S", t.originalPhrase(social, social + 2));
  }

  @Test
  void udTokenizerFromMavenLoadsAndTokenizes() {
    AnalyzedText t = TextAnalyzer.forTokenizer("ud").analyze("ring social services on her");
    assertTrue(t.tokens().length >= 5);
  }
}
