package org.trollscan.features;

import org.trollscan.rules.Rules;
import org.trollscan.annotate.CueMatcher;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trollscan.annotate.TextAnalyzer;
import org.trollscan.rules.Lexicons;

class CueFeaturesTest {
  private final TextAnalyzer analyzer = TextAnalyzer.forTokenizer("forum", Rules.fromClasspath());
  private final CueFeatures cues =
      new CueFeatures(Rules.fromClasspath(), new CueMatcher(Rules.fromClasspath()));

  private List<String> features(String post) {
    List<String> out = new ArrayList<>();
    cues.generate(analyzer.analyze(post), (f, from, to) -> out.add(f.toString()));
    return out;
  }

  @Test
  void reportVerbAndAuthorityInOneSentenceMakeAPair() {
    List<String> f = features("Someone should ring social services on her");
    assertTrue(f.contains("cue:authority"), f.toString());
    assertTrue(f.contains("s:report_verb+authority"), f.toString());
    assertTrue(f.contains("s:call_to_action+report_verb"), f.toString());
    assertTrue(f.contains("s:authority+target_third"), f.toString());
  }

  /**
   * Every phrase of every cue is found where it stands, alone or inside a post: the matcher rules
   * phrases out by their second word's hash before it compares words, and this is what it must
   * never rule out.
   */
  @Test
  void everyLexiconPhraseIsFoundAloneAndInsideAPost() {
    List<String> missed = new ArrayList<>();
    Rules.fromClasspath().lexicons().phrasesByCue().forEach((cue, phrases) -> {
      if (!Rules.fromClasspath().isFeatureCue(cue)) {
        return;
      }
      for (String[] phrase : phrases) {
        List<String> words = new ArrayList<>();
        for (String w : phrase) {
          words.add(w.endsWith("*") ? w.substring(0, w.length() - 1) + "ed" : w);
        }
        List<String> inside = new ArrayList<>(List.of("so"));
        inside.addAll(words);
        inside.add("ok");
        // "say you" matches "say you's" as it matches "say you're": clitics after later words
        List<String> contracted = new ArrayList<>(words.subList(0, 1));
        for (String w : words.subList(1, words.size())) {
          contracted.add(w.contains("'") || w.contains("’") ? w : w + "'s");
        }
        if (!found(cue, words, 0) || !found(cue, inside, 1) || !found(cue, contracted, 0)) {
          missed.add(cue + ": " + String.join(" ", phrase));
        }
      }
    });
    assertEquals(List.of(), missed);
  }

  private boolean found(String cue, List<String> tokens, int from) {
    String[] t = tokens.toArray(String[]::new);
    return new CueMatcher(Rules.fromClasspath()).match(t, new boolean[t.length]).stream().anyMatch(m -> m.cue().equals(cue)
        && m.from() == from);
  }

  @Test
  void phraseWordsMatchTheirContractedForms() {
    assertTrue(features("Say you're her neighbour").contains("cue:coaching"));
    assertTrue(features("tell them you've seen it").contains("cue:coaching"));
    assertFalse(features("say your piece").contains("cue:coaching"));
    assertEquals("you", new CueMatcher(Rules.fromClasspath()).cliticBase("you're"));
    assertEquals("mum", new CueMatcher(Rules.fromClasspath()).cliticBase("mum's"));
    assertEquals(null, new CueMatcher(Rules.fromClasspath()).cliticBase("don't"));
    assertEquals(null, new CueMatcher(Rules.fromClasspath()).cliticBase("'s"));
  }

  @Test
  void aPlatformNamedAloneIsNoAuthorityButReportingToItPairs() {
    List<String> seen = features("her instagram stories are grim");
    assertTrue(seen.contains("cue:platform"), seen.toString());
    assertFalse(seen.contains("cue:authority"), seen.toString());
    assertFalse(seen.contains("s:report_verb+platform"), seen.toString());
    List<String> reported = features("mass report her insta tonight");
    assertTrue(reported.contains("s:report_verb+platform"), reported.toString());
    assertFalse(reported.contains("cue:authority"), reported.toString());
  }

  @Test
  void theSocialIsSocialServicesUnlessItIsSocialMedia() {
    assertTrue(features("someone ring the social on her").contains("cue:authority"));
    assertTrue(features("ring the SS on her").contains("cue:authority"));
    assertFalse(features("she's never off the social media").contains("cue:authority"));
    assertFalse(features("the social side of school matters").contains("cue:authority"));
  }

  @Test
  void pairsAcrossSentencesAreOnlyPostLevel() {
    List<String> f = features("Ring them. Social services are useless.");
    assertTrue(f.contains("d:report_verb+authority"), f.toString());
    assertFalse(f.contains("s:report_verb+authority"), f.toString());
  }

  @Test
  void callingSomeoneNamesOrCallingThemOutIsNoReportVerb() {
    assertFalse(features("trolls called her a fat slag").contains("cue:report_verb"));
    assertFalse(features("stop calling him names").contains("cue:report_verb"));
    assertFalse(features("someone needs to call her out on it").contains("cue:report_verb"));
    assertFalse(features("calling out bad takes is fine").contains("cue:report_verb"));
    assertTrue(features("called the police on her").contains("cue:report_verb"));
    assertTrue(features("call her council and say she's a danger").contains("cue:report_verb"));
  }

  @Test
  void callsForSomethingAndSendingLoveOrFlowersAreNoReportVerb() {
    assertFalse(features("she calls for a boycott of the brand").contains("cue:report_verb"));
    assertFalse(features("sends her love to everyone").contains("cue:report_verb"));
    assertFalse(features("we should send them flowers").contains("cue:report_verb"));
    assertTrue(features("send her sponsors the clips").contains("cue:report_verb"));
    assertTrue(features("call social services for her kids' sake").contains("cue:report_verb"));
  }

  @Test
  void contactThatComesToTheWriterIsNoReportVerb() {
    assertFalse(features("the school emailed me about her attendance").contains("cue:report_verb"));
    assertFalse(features("Nursery rang to say she had a temperature").contains("cue:report_verb"));
    assertFalse(features("her teacher told me she's been brilliant").contains("cue:report_verb"));
    assertTrue(features("tell me where she works").contains("cue:report_verb"));
    assertTrue(features("I rang the council to say she leaves them").contains("cue:report_verb"));
  }

  @Test
  void anAuthorityThatActsReportsNobodyToItself() {
    assertFalse(features("HMRC have sent me a letter").contains("cue:report_verb"));
    assertFalse(features("the school called CPS on us").contains("cue:report_verb"));
    assertFalse(features("our GP referred us to camhs").contains("cue:report_verb"));
    assertTrue(features("let's get the council called on her").contains("cue:report_verb"));
    assertTrue(features("Social services rang. I rang them back about her")
        .contains("s:report_verb+target_third"));
  }

  @Test
  void anotherPersonsPastReportIsNeitherTheWritersReportNorABrag() {
    List<String> told = features("someone reported her to the council for the extension");
    assertFalse(told.contains("cue:report_verb"), told.toString());
    assertFalse(features("they've already reported her").contains("cue:brag"));
    assertTrue(features("someone should report her to the council").contains("cue:report_verb"));
    assertTrue(features("if someone told the commissioner he'd be gone").contains("cue:report_verb"));
    List<String> own = features("I reported her to the council");
    assertTrue(own.contains("cue:report_verb") && own.contains("cue:brag"), own.toString());
  }

  @Test
  void contactingThePersonIsNoReport() {
    assertFalse(features("ring him and tell him what she's like").contains("cue:report_verb"));
    assertFalse(features("want to send her something").contains("cue:report_verb"));
    assertTrue(features("ring her employer").contains("s:report_verb+authority"));
    assertTrue(features("email her sponsors tonight").contains("cue:report_verb"));
    assertTrue(features("report him to the police").contains("cue:report_verb"));
  }

  @Test
  void theSchoolAsAPlaceOrEventIsNoAuthority() {
    assertFalse(features("everyone at the school gate knows it").contains("cue:authority"));
    assertFalse(features("saw her on the school run").contains("cue:authority"));
    assertTrue(features("email the school about her").contains("cue:authority"));
    assertTrue(features("email the governors the screenshots").contains("cue:authority"));
  }

  @Test
  void councilAloneIsAnAuthorityButNotWhereSomeoneLives() {
    assertTrue(features("She needs reporting. Council, school, the lot").contains("cue:authority"));
    assertTrue(features("ur council is barnet right?").contains("cue:authority"));
    assertFalse(features("she grew up on a council estate").contains("cue:authority"));
  }

  @Test
  void indifferenceToTheTruthIsDeception() {
    assertTrue(features("said she works cash in hand. no idea if she does").contains("cue:deception"));
    assertTrue(features("true or not, it'll stick").contains("cue:deception"));
    assertFalse(features("I have no idea where the form is").contains("cue:deception"));
  }

  @Test
  void sayingTheWriterWasNeverThereIsDeception() {
    assertTrue(features("told them I saw it. I've never been to her street").contains("cue:deception"));
    assertTrue(features("said she shouted at my kid, I wasn't even there").contains("cue:deception"));
    assertFalse(features("I've never been so relieved").contains("cue:deception"));
  }

  @Test
  void aThousandsSeparatedNumberIsNoEmergencyNumber() {
    assertFalse(features("$500,000 for her wedding").contains("cue:authority"));
    assertTrue(features("ring 000 on her").contains("cue:authority"));
  }

  @Test
  void negationJustBeforeAReportVerbIsScoped() {
    assertTrue(features("nobody should report her").contains("neg:report_verb"));
    assertFalse(features("nobody should report her").contains("d:report_verb+target_third"));
    assertFalse(features("report her, nobody cares").contains("neg:report_verb"));
  }

  @Test
  void notMeDoingItAdmitsTheActInsteadOfNegatingIt() {
    List<String> f = features("Not me reporting her to ofsted for the 3rd time 😂");
    assertFalse(f.contains("neg:report_verb"), f.toString());
    assertTrue(f.contains("d:report_verb+target_third"), f.toString());
    assertTrue(features("not me, I'd never report her").contains("neg:report_verb"));
  }

  @Test
  void sickOfSomeoneIsWearinessNotCondemnation() {
    assertFalse(features("they'll get sick of her eventually").contains("cue:condemnation"));
    assertTrue(features("reporting her over a photo is sick").contains("cue:condemnation"));
  }

  @Test
  void obfuscatedCuesAreFoundAfterNormalisation() {
    assertTrue(features("r3port h3r to s0cial s3rvices").contains("s:report_verb+authority"));
  }

  @Test
  void asAnOpenNlpFeatureGeneratorItWorksOnPlainTokens() {
    var f = cues.extractFeatures(new String[] {"email", "her", "sponsors"}, java.util.Map.of());
    assertTrue(f.contains("s:report_verb+authority"), f.toString());
  }

  @Test
  void cuesInsideQuotesAreReportedSpeechNotTheWritersOwn() {
    List<String> f = features("Someone wrote \"ring social services on her\" under her post. Vile");
    assertTrue(f.contains("qs:report_verb+authority"), f.toString());
    assertFalse(f.contains("s:report_verb+authority"), f.toString());
  }

  @Test
  void wordFormsAreListedSoThatLongerWordsSharingAStemDoNotMatch() {
    assertFalse(features("Brandon from accounts brought doughnuts").contains("cue:authority"));
    assertTrue(features("email the brands she works with").contains("cue:authority"));
    assertFalse(features("any information on the opening times?").contains("cue:report_verb"));
    assertFalse(features("the reporter was fair to her").contains("cue:report_verb"));
    assertTrue(features("I reported her twice").contains("cue:report_verb"));
    assertFalse(features("the stable yard has a new owner").contains("cue:threat"));
    assertTrue(features("I'll stab her").contains("cue:threat"));
  }

  @Test
  void aProductsBrandOrANurseryRunIsNoGatekeeper() {
    assertFalse(features("what brand is her lipstick").contains("cue:authority"));
    assertFalse(features("saw her on the nursery run").contains("cue:authority"));
    assertTrue(features("tell the brand she lies").contains("cue:authority"));
    assertTrue(features("ring the nursery about her").contains("cue:authority"));
  }

  @Test
  void laughterIsNoBragAndCallingBullshitNoReport() {
    assertFalse(features("which one? lol").contains("cue:brag"));
    assertTrue(features("done mine lol").contains("cue:brag"));
    assertFalse(features("gonna call bullshit on that").contains("cue:report_verb"));
    assertFalse(features("they're referred to as antifa").contains("cue:report_verb"));
  }

  @Test
  void huntingForHerGatekeepersIsApartFromDoxxingHerDoor() {
    List<String> hunt = features("does anyone know which council she's under?");
    assertTrue(hunt.contains("cue:hunting"), hunt.toString());
    assertFalse(hunt.contains("cue:doxxing"), hunt.toString());
    List<String> door = features("anyone got her home address?");
    assertTrue(door.contains("cue:doxxing"), door.toString());
    assertFalse(door.contains("cue:hunting"), door.toString());
    assertFalse(features("does anyone know a good vet?").contains("cue:doxxing"));
  }

  @Test
  void aNegationScopesOverCuesAsFarAsOverWords() {
    assertTrue(features("Nobody's asking anyone to report her").contains("neg:report_verb"));
    assertTrue(features("No one here should be ringing her council").contains("neg:report_verb"));
    assertFalse(features("Don't. Report her to the council").contains("neg:report_verb"));
    assertFalse(features("I don't care, report her").contains("neg:report_verb"));
  }

  @Test
  void aPastPassiveTellsOfAReportAndAModalOneAsksForIt() {
    assertFalse(features("she had been reported to HMRC by trolls").contains("cue:report_verb"));
    assertFalse(features("she got reported for the extension").contains("cue:report_verb"));
    assertTrue(features("she should be reported to the council").contains("cue:report_verb"));
  }

  @Test
  void spamScamsAndAccountsPosingAsHerAreAScamCueButSpammingHerIsNot() {
    List<String> bots = features("I reported the spam account pretending to be her");
    assertTrue(bots.contains("cue:scam") && bots.contains("s:scam+report_verb"), bots.toString());
    assertTrue(features("report her page as a scam").contains("s:scam+report_verb"));
    assertFalse(features("spam her inbox until she quits").contains("cue:scam"));
  }

  /** The cue features of this trollscan's rules with one file's text replaced. */
  private static List<String> featuresWith(String file, String text, String post) {
    java.util.Map<String, byte[]> files =
        new java.util.LinkedHashMap<>(Rules.fromClasspath().files());
    files.put(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Rules rules = Rules.parse(files);
    TextAnalyzer analyzer = TextAnalyzer.forTokenizer("forum", rules);
    List<String> out = new ArrayList<>();
    new CueFeatures(rules, analyzer.cueMatcher()).generate(analyzer.analyze(post),
        (f, from, to) -> out.add(f.toString()));
    return out;
  }

  @Test
  void aPronounOfObjectOrPossessiveAfterAContactVerbIsThePersonContacted() {
    // "send her something" contacts her; "send them something" reports nobody only when "them"
    // is listed as such a pronoun, and "her" stops being one when the list lacks it.
    assertFalse(features("send her something").contains("cue:report_verb"));
    assertTrue(features("send her employer something").contains("cue:report_verb"));
    assertTrue(features("send them something").contains("cue:report_verb"));
    assertTrue(featuresWith(Rules.OBJECT_OR_POSSESSIVE, "# none\n", "send her something")
        .contains("cue:report_verb"));
    assertFalse(featuresWith(Rules.OBJECT_OR_POSSESSIVE, "her\nthem\n", "send them something")
        .contains("cue:report_verb"));
  }
}
