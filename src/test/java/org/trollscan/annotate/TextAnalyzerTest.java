package org.trollscan.annotate;

import org.trollscan.rules.Rules;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trollscan.tokenize.TokenCase;

class TextAnalyzerTest {
  private final TextAnalyzer analyzer = TextAnalyzer.forTokenizer("forum", Rules.fromClasspath());

  @Test
  void aChainWhoseAnnotatorNeedsWhatNoEarlierStageProvidesIsRefused() {
    Rules rules = Rules.fromClasspath();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> TextAnalyzer.checked(
            java.util.List.of(new NegationScope(rules, 6), new CueMatcher(rules))));
    assertEquals("negation requires cues, which no stage before it provides", e.getMessage());
    CueMatcher cues = new CueMatcher(rules);
    e = assertThrows(IllegalStateException.class, () -> TextAnalyzer.checked(
        java.util.List.of(new NameTargets(rules, cues), cues, cues)));
    assertEquals("cues provides cues again", e.getMessage());
  }

  @Test
  void forumTokenizerKeepsContractionsAndSplitsHyphensAndPunctuationRuns() {
    AnalyzedText t = analyzer.analyze("Don't mass-report her!!! 😂😂 ok?");
    assertArrayEquals(new String[] {"don't", "mass", "-", "report", "her", "!!", "😂", "😂", "ok", "?"},
        t.get(Annotation.TOKENS));
  }

  @Test
  void numbersKeepTheirSeparatorsButSentenceEndsAndListsSplit() {
    assertArrayEquals(new String[] {"£", "500,000", "in", "2.5", "years", ".", "1", ",", "2", "."},
        analyzer.analyze("£500,000 in 2.5 years. 1, 2.").get(Annotation.TOKENS));
  }

  @Test
  void sentencesBreakAtFullStopsAndLineBreaks() {
    AnalyzedText t = analyzer.analyze("ring them. she is fine\nreally");
    assertEquals(0, t.get(Annotation.SENTENCES)[0]);
    assertEquals(1, t.get(Annotation.SENTENCES)[3]);
    assertEquals(2, t.get(Annotation.SENTENCES)[t.size() - 1]);
  }

  @Test
  void originalPhraseQuotesTheTextAsWrittenEvenWhenObfuscated() {
    String post = "Pls r3port h3r to S O C I A L  S E R V I C E S today";
    AnalyzedText t = analyzer.analyze(post);
    assertEquals("report", t.get(Annotation.TOKENS)[1]);
    assertEquals("r3port h3r", t.originalPhrase(1, 3));
    int social = java.util.Arrays.asList(t.get(Annotation.TOKENS)).indexOf("social");
    assertEquals("S O C I A L  S E R V I C E S", t.originalPhrase(social, social + 2));
  }

  @Test
  void htmlInAScrapedPostIsReadAsTextAndEvidenceQuotesItAsScraped() {
    AnalyzedText t = analyzer.analyze("nobody should report her, don&#39;t");
    assertEquals("don't", t.get(Annotation.TOKENS)[t.size() - 1]);
    assertEquals("don&#39;t", t.originalPhrase(t.size() - 1, t.size()));
  }

  private static String quotedTokens(String post) {
    return MarkedTokens.of(post, t -> t.get(Annotation.QUOTED));
  }

  @Test
  void quotedEarlierPostsAreMarkedAsQuotedInEveryForumFormat() {
    assertEquals("> ring social services on her",
        quotedTokens("> ring social services on her\nthat's vile, reported"));
    assertEquals("> ring social services on her",
        quotedTokens("&gt; ring social services on her\nthat's vile, reported"));
    assertEquals("[ quote = bex ] ring the council on her [ / quote ]",
        quotedTokens("[quote=bex]ring the council on her[/quote] absolutely not"));
    assertEquals("bex said : ring the council on her click to expand",
        quotedTokens("Bex said:\nring the council on her\nClick to expand...\nabsolutely not"));
    assertEquals("ring the council", quotedTokens("she wrote \"ring the council\" which is vile"));
    assertEquals("", quotedTokens("ring the council on her, > 50 of us should"));
  }

  @Test
  void aQuoteTheReplyOnlyAgreesWithCountsAsTheWritersOwnWords() {
    assertEquals("", quotedTokens("> ring social services on her\nThis. Already done mine"));
    assertEquals("", quotedTokens("Bex said:\nring the council on her\nClick to expand...\n"
        + "Agreed!"));
    assertEquals("> ring social services on her",
        quotedTokens("> ring social services on her\nThis is vile"));
    assertEquals("> ring social services on her",
        quotedTokens("> ring social services on her\nAbsolutely not"));
  }

  @Test
  void udTokenizerFromMavenLoadsAndTokenizes() {
    AnalyzedText t =
        TextAnalyzer.forTokenizer("ud", Rules.fromClasspath()).analyze("ring social services on her");
    assertTrue(t.size() >= 5);
  }

  /** Each token of the post with its case as written: "kerry/CAPITALIZED &/NONE". */
  private String cases(String post) {
    AnalyzedText t = analyzer.analyze(post);
    String[] tokens = t.get(Annotation.TOKENS);
    TokenCase[] cases = t.get(Annotation.CASE);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < tokens.length; i++) {
      out.append(i == 0 ? "" : " ").append(tokens[i]).append('/').append(cases[i]);
    }
    return out.toString();
  }

  @Test
  void tokensAreFoldedButKeepTheirCaseAsWritten() {
    assertEquals("ring/LOWER kerry/CAPITALIZED at/LOWER hmrc/UPPER on/LOWER her/LOWER "
        + "iphone/MIXED", cases("ring Kerry at HMRC on her iPhone"));
  }

  @Test
  void emojiHaveNoCaseAndLeaveTheWordsBesideThemAlone() {
    assertEquals("kerry/CAPITALIZED 😡/NONE 😡/NONE report/UPPER", cases("Kerry😡😡 REPORT"));
  }

  @Test
  void aCharacterReferenceIsReadAsTheCharacterItStandsFor() {
    assertEquals("tom/CAPITALIZED &/NONE jerry/CAPITALIZED", cases("Tom &amp; Jerry"));
    assertEquals("\"/NONE kerry/CAPITALIZED \"/NONE", cases("&quot;Kerry&quot;"));
    // Inside a word the reference's letters are written ones: no capitalised word, no name.
    assertEquals("renée/MIXED", cases("Ren&eacute;e"));
  }

  @Test
  void markupRemovedBeforeATokenIsNotPartOfIt() {
    assertEquals("kerry/CAPITALIZED is/LOWER at/LOWER hmrc/UPPER ./NONE",
        cases("<b>Kerry is at <i>HMRC."));
    assertEquals("kerry/CAPITALIZED", cases("<p class=\"Big\">Kerry"));
  }

  @Test
  void markupRemovedRightAfterATokenCountsAsWrittenWithIt() {
    // Known limit: the offset map cannot tell a removed tag after a word from the rest of a word
    // that a replacement stands for ("S.o.c.i.a.l"), so both count; the names were always found
    // this way, and the shipped model's scores depend on it.
    assertEquals("kerry/MIXED is/LOWER", cases("<b>Kerry</b> is"));
  }

  @Test
  void aDeobfuscatedWordHasTheCaseOfAllItWasWrittenWith() {
    AnalyzedText t = analyzer.analyze("ring S.o.c.i.a.l services");
    assertEquals("social", t.get(Annotation.TOKENS)[1]);
    assertEquals("S.o.c.i.a.l", t.originalPhrase(1, 2));
    // The capital and the dots make it no capitalised word, so no name either.
    assertEquals(TokenCase.MIXED, t.get(Annotation.CASE)[1]);
    assertEquals("ring/LOWER social/LOWER services/LOWER", cases("ring s.o.c.i.a.l services"));
    assertEquals("ring/LOWER social/UPPER services/LOWER", cases("ring S.O.C.I.A.L services"));
  }

  @Test
  void aFinishedPostIsSealed() {
    String post = "ring her";
    Annotation a = new Annotation(post, org.trollscan.normalize.MappedText.of(post),
        new String[] {"ring", "her"}, new opennlp.tools.util.Span[] {
            new opennlp.tools.util.Span(0, 4), new opennlp.tools.util.Span(5, 8)},
        new int[2], new TokenCase[] {TokenCase.LOWER, TokenCase.LOWER});
    AnalyzedText t = new AnalyzedText(a);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> a.set(Annotation.QUOTED, new boolean[2]));
    assertEquals("quoted is annotated after the post was sealed", e.getMessage());
    e = assertThrows(IllegalStateException.class, () -> t.get(Annotation.NEGATED));
    assertEquals("no negated annotation", e.getMessage());
  }
}
