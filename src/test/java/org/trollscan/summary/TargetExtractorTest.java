package org.trollscan.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.trollscan.annotate.AnalyzedText;
import org.trollscan.annotate.Annotation;
import org.trollscan.annotate.CueMatcher;
import org.trollscan.annotate.NameTargets;
import org.trollscan.model.BundleIO;
import org.trollscan.model.ModelBundle;
import org.trollscan.model.Scorer;

/** Targets as the shipped model's scorer sees them. */
class TargetExtractorTest {
  private static final ModelBundle BUNDLE = BundleIO.loadDefault();
  private static final Scorer SCORER = new Scorer(BUNDLE);
  private final TargetExtractor extractor = TargetExtractor.of(SCORER);

  @Test
  void findsHandlesNamesAndTitlesButNotAgencies() {
    List<String> t = extractor.targets(
        "@kerry_cooks_uk is a fraud. Someone ring Ofsted and HMRC about Kerry and her husband");
    assertEquals(List.of("@kerry_cooks_uk", "Kerry", "her husband"), t);
  }

  @Test
  void theHandlesOfAgenciesOwnAccountsAreNotTargets() {
    List<String> t = extractor.targets("@HMRCgovuk might want to check out @luxelifeliz");
    assertEquals(List.of("@luxelifeliz"), t);
  }

  @Test
  void daysShopsPlacesAndPlatformsAreNoTargets() {
    assertEquals(List.of("Kerry"), extractor.targets(
        "Saw Kerry in Tesco on Monday, she lives on Elm Street in Leeds. Email her boss"));
    assertEquals(List.of("Kerry"), extractor.targets(
        "report Kerry on Instagram and TikTok and Facebook, tell Ofsted"));
  }

  @Test
  void aPostWithoutAnyoneNamedHasNoTargets() {
    assertTrue(extractor.targets("what a lovely day for the fete").isEmpty());
  }

  /**
   * The part-of-speech tagger summarize used before took "Smug" for a proper noun and "Gemma"
   * for none; the scorer's names are the other way round, and the summary now follows them.
   */
  @Test
  void aCapitalisedWordIsATargetExactlyWhenTheScorerTakesItForAName() {
    assertEquals(List.of("Gemma"), extractor.targets("I can't stand Gemma. Smug little witch"));
    assertEquals(List.of("her kids"), extractor.targets(
        "I called the hotline about her kids. Felt good ngl"));
  }

  @Test
  void possessivesAndInvisibleCharactersDoNotMakeAnotherTarget() {
    List<String> t = extractor.targets("Ring social services on Be\u200Bx, @kerry's kids are "
        + "filthy and email Kerry\u2019s boss and her husband's boss");
    assertEquals(List.of("@kerry", "Bex", "Kerry", "her husband"), t);
  }

  /** The scorer reads an overlong post's first {@link Scorer#MAX_CHARS}; so do its targets. */
  @Test
  void aNamePastWhatTheScorerReadsIsNoTarget() {
    String post = "ring social services on Kerry. " + "x ".repeat(Scorer.MAX_CHARS / 2)
        + " and on Becky";
    assertEquals(List.of("Kerry"), extractor.targets(post));
  }

  /**
   * On every post of the test corpus, the names among the targets are the scorer's names: the
   * tokens its names annotator ({@link NameTargets}) marks, with the bundle's rules, that no cue
   * phrase covers ("Ofsted" is an authority, "She's" is "she").
   */
  @Test
  void theNamesAmongTargetsAreTheNamesTheScorerCountsOnEveryTestPost() throws IOException {
    CueMatcher cues = new CueMatcher(BUNDLE.rules());
    NameTargets names = new NameTargets(BUNDLE.rules(), cues);
    List<String> disagreements = new ArrayList<>();
    int withNames = 0;
    try (Reader in = Files.newBufferedReader(Path.of("samples/corpus/test.csv"))) {
      for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().build().parse(in)) {
        String post = row.get("text");
        AnalyzedText a = SCORER.analyze(post);
        String[] tokens = a.get(Annotation.TOKENS);
        boolean[] named = names.find(tokens, a.get(Annotation.SENTENCES), a.get(Annotation.CASE));
        List<CueMatcher.CueMatch> phrases = cues.match(tokens, new boolean[named.length]);
        Set<String> expected = new LinkedHashSet<>();
        for (int i = 0; i < named.length; i++) {
          int token = i;
          if (named[i] && phrases.stream().noneMatch(m -> m.from() <= token && token < m.to())) {
            expected.add(a.originalPhrase(i, i + 1).replaceFirst("'s$", ""));
          }
        }
        Set<String> found = new LinkedHashSet<>();
        for (String t : extractor.targets(post)) {
          if (!t.startsWith("@") && !t.contains(" ")) { // neither a handle nor a title
            found.add(t);
          }
        }
        if (!expected.isEmpty()) {
          withNames++;
        }
        if (!found.equals(expected)) {
          disagreements.add(row.get("id") + ": scorer " + expected + ", summary " + found);
        }
      }
    }
    assertEquals(List.of(), disagreements);
    assertTrue(withNames > 20, "the corpus names people in " + withNames + " posts");
  }

  @Test
  void aNameTheCueDictionaryReadsAsAPhraseIsNoTarget() {
    List<String> t = extractor.targets("She's awful. Complain to Ofsted about Kerry");
    assertEquals(List.of("Kerry"), t);
    assertFalse(t.contains("She"), t.toString());
  }
}
