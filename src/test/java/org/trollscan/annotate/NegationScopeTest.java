package org.trollscan.annotate;

import org.trollscan.rules.Rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trollscan.features.FeatureSettings;
import org.trollscan.features.Featurizer;

class NegationScopeTest {
  private String scoped(String post) {
    return MarkedTokens.of(post, t -> t.get(Annotation.NEGATED));
  }

  private String condemned(String post) {
    return MarkedTokens.of(post, t -> t.get(Annotation.CONDEMNED));
  }

  @Test
  void scopeRunsFromTheNegationToThePunctuationMark() {
    assertEquals("should report her", scoped("Nobody should report her, she's done nothing"));
    assertEquals("ring the council", scoped("please don't ring the council. Ring me instead"));
  }

  @Test
  void scopeStopsAtButTheSentenceEndAndSixTokens() {
    assertEquals("report her", scoped("don't report her but do tell the mods"));
    assertEquals("should ring social services on her", scoped(
        "no one should ring social services on her over a video of a bath"));
    assertEquals("", scoped("Ring social services on her"));
  }

  @Test
  void negationsAreFoundAsTheCueMatcherFindsThem() {
    assertEquals("asking anyone to report her", scoped("Nobody's asking anyone to report her"));
    assertEquals("", scoped("Not me reporting her to ofsted again"));
  }

  @Test
  void wordsTheWriterDoesNotAssertAreFeaturesOfTheirOwn() {
    Featurizer f = new Featurizer(FeatureSettings.defaults(), Rules.fromClasspath());
    List<String> negated = List.of(f.featurize("nobody should report her").names());
    assertTrue(negated.contains("w:~report"), negated.toString());
    assertFalse(negated.contains("w:report"), negated.toString());
    assertTrue(negated.contains("c~:<rep"), negated.toString());
    List<String> quoted = List.of(f.featurize("someone wrote \"report her\" which is vile").names());
    assertTrue(quoted.contains("w:~report"), quoted.toString());
    List<String> said = List.of(f.featurize("someone report her").names());
    assertTrue(said.contains("w:report") && said.contains("c:<rep"), said.toString());
  }

  @Test
  void aReportTheWriterCondemnsIsMarkedButAnInsultIsNot() {
    assertEquals("whoever keeps reporting her to the council",
        condemned("Whoever keeps reporting her to the council should be ashamed of themselves"));
    assertEquals("ringing social services on a mum over a video",
        condemned("Honestly, ringing social services on a mum over a video is vile"));
    assertEquals("", condemned("She is vile, ring social services on her"));
    assertEquals("", condemned("Ring social services on her, she is vile"));
  }

  @Test
  void aVerdictAfterThatsOrAHorribleThingToDoCondemnsTheReportBeforeIt() {
    assertEquals("someone said we should report her to the council and honestly that's a",
        condemned("Someone said we should report her to the council and honestly that's a"
            + " horrible thing to do"));
    assertEquals("mass reporting a mum over a photo",
        condemned("mass reporting a mum over a photo that's so vile"));
    assertEquals("", condemned("Ring social services on her, it's sick how she treats them"));
  }

  @Test
  void aVerdictSentenceCondemnsTheReportBeforeItButLeavesAQuoteToItsOwnMark() {
    assertEquals("trolls reported her to social services and the kids were interviewed at school .",
        condemned("Trolls reported her to social services and the kids were interviewed at school."
            + " Sick"));
    assertEquals("", condemned("Under her post: \"your kids will hate you\". Cruel beyond words"));
    assertEquals("someone sent police to her house as a prank",
        condemned("It's so cruel that someone sent police to her house as a prank"));
  }

  @Test
  void aVerdictAfterACallIsAboutTheTargetAndMarksNothing() {
    assertEquals("", condemned("Ring social services on her. Disgusting."));
    assertEquals("", condemned("Someone should report her to the council. Vile woman"));
    assertEquals("", condemned("Everyone email her sponsors. Absolutely vile"));
    assertEquals("", condemned("She posted her kids in the bath. Disgusting."));
    assertEquals("", condemned("The OP is a narcissist who can't handle being told no. Pathetic"));
    assertEquals("", condemned("It's so sad that she never replies"));
  }
}
