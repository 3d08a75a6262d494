package org.trollscan.annotate;

import org.trollscan.rules.Rules;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trollscan.tokenize.TokenCase;

class NameTargetsTest {
  private final TextAnalyzer analyzer = TextAnalyzer.forTokenizer("forum", Rules.fromClasspath());

  /** The words of the post, as written, that the analysis took for names. */
  private List<String> names(String post) {
    AnalyzedText t = analyzer.analyze(post);
    boolean[] names = new NameTargets(Rules.fromClasspath(), analyzer.cueMatcher())
        .find(t.get(Annotation.TOKENS), t.get(Annotation.SENTENCES), t.get(Annotation.CASE));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      if (names[i]) {
        out.add(t.originalPhrase(i, i + 1));
      }
    }
    return out;
  }

  @Test
  void aCapitalisedWordInsideASentenceIsAName() {
    assertEquals(List.of("Kerry"), names("someone ring social services on Kerry"));
    assertEquals(List.of("Kerry", "Mason"), names("someone ring social services on Kerry Mason"));
  }

  @Test
  void aPossessiveNamesSomeoneEvenAtTheStartOfASentence() {
    assertEquals(List.of("Kayleigh's"), names("Kayleigh's kids' school is the one with green blazers"));
    assertEquals(List.of("Becky's"), names("mass report Becky's account"));
  }

  @Test
  void theFirstWordOfASentenceIsNoNameWithoutAPossessive() {
    assertEquals(List.of(), names("Honestly she needs a visit. Someone should ring them"));
    assertEquals(List.of(), names("@user Honestly this is the worst take"));
  }

  @Test
  void functionWordsWithAClitic_capitalsAndTheWriterAreNoNames() {
    assertEquals(List.of(), names("That's it. It's over, and What's more I'm done with HMRC"));
  }

  @Test
  void listedWordsDeterminersPlacesAndPluralsAreNoNames() {
    assertEquals(List.of(), names("saw it on Facebook on Tuesday, the Council said my Mum was fine"));
    assertEquals(List.of(), names("the nursery on Elm Road is lovely"));
    assertEquals(List.of(), names("she lives near Kingsmead Secondary in the Village"));
    assertEquals(List.of(), names("so many Designers and TikToks and Wives"));
  }

  @Test
  void cueWordsStayCuesAndAreNotCountedAsNames() {
    AnalyzedText t = analyzer.analyze("tip off Ofsted about Stacey");
    List<String> targets = new ArrayList<>();
    for (CueMatcher.CueMatch m : t.get(Annotation.CUES)) {
      if (m.cue().equals("target_third")) {
        targets.add(t.originalPhrase(m.from(), m.to()));
      }
      if (m.cue().equals("authority")) {
        assertEquals("Ofsted", t.originalPhrase(m.from(), m.to()));
      }
    }
    assertEquals(List.of("Stacey"), targets);
  }

  @Test
  void aPostInTitleCaseNamesNobody() {
    assertEquals(List.of(), names("Why Does Everyone Hate Her Gun Control Now Please"));
  }

  @Test
  void aLowerCaseNameIsNotFound() {
    // The capitals are the only sign used: without them a name is an unknown word.
    assertEquals(List.of(), names("someone ring social services on kerry"));
  }

  @Test
  void namesAreReadFromTheTokensCaseNotFromTheText() {
    NameTargets names = new NameTargets(Rules.fromClasspath(), analyzer.cueMatcher());
    String[] tokens = {"ring", "social", "services", "on", "kerry"};
    int[] sentence = new int[5];
    TokenCase[] cases = {TokenCase.LOWER, TokenCase.LOWER, TokenCase.LOWER, TokenCase.LOWER,
        TokenCase.CAPITALIZED};
    assertArrayEquals(new boolean[] {false, false, false, false, true},
        names.find(tokens, sentence, cases));
    cases[4] = TokenCase.MIXED;
    assertArrayEquals(new boolean[5], names.find(tokens, sentence, cases));
  }

  @Test
  void anObfuscatedOrStyledCapitalIsNoName() {
    assertEquals(List.of(), names("someone ring social services on K.e.r.r.y"));
    assertEquals(List.of(), names("someone ring social services on <b>KERRY</b>"));
    assertEquals(List.of("Kerry"), names("someone ring social services on <b>Kerry"));
  }
}
