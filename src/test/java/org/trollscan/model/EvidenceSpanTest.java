package org.trollscan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Evidence offsets point into the post as written (UTF-16 code units), whatever normalisation
 * did to it: emoji before the phrase, HTML entities and tags, quoted lines.
 */
class EvidenceSpanTest {
  static Scorer scorer;

  @BeforeAll
  static void load() {
    scorer = new Scorer(BundleIO.loadDefault());
  }

  static final List<String> POSTS = List.of(
      "someone ring social services on her",
      "😀😀🤬 someone ring social services on her 👏",
      "<p>she&#39;s a <b>vile</b> cow</p>&nbsp;<br>ring social&nbsp;services on her &amp; tip off HMRC",
      "&quot;lol&quot; 𝕏 R3PORT h3r to the c0uncil!!! 😡 you pathetic worthless idiot",
      "> quoted text here\nyou stupid cow, everyone report her account to the mods");

  @Test
  void eachSpanIsItsPhraseInTheOriginalPostAndTheEvidenceListIsUnchanged() {
    int spansSeen = 0;
    for (String post : POSTS) {
      Score s = scorer.score(post, true, true);
      for (Label label : s.evidence().keySet()) {
        List<EvidenceSpan> spans = s.spans().get(label);
        assertEquals(s.evidence().get(label), spans.stream().map(EvidenceSpan::phrase).toList(),
            post);
        for (EvidenceSpan span : spans) {
          assertEquals(span.phrase(), post.substring(span.begin(), span.end()), post);
          assertFalse(Character.isLowSurrogate(post.charAt(span.begin())), post);
          assertTrue(span.weight() > 0, post);
          spansSeen++;
        }
      }
    }
    assertTrue(spansSeen >= POSTS.size(), "the posts gave almost no evidence: " + spansSeen);
  }

  @Test
  void offsetsCountUtf16CodeUnitsPastEmoji() {
    String post = "😀😀 someone ring social services on her";
    Score s = scorer.score(post, true, true);
    EvidenceSpan top = s.spans().get(Label.FALSE_REPORT).get(0);
    // Each emoji is two UTF-16 code units: the phrase cannot start before offset 5.
    assertTrue(top.begin() >= 5, top.toString());
    assertEquals(top.phrase(), post.substring(top.begin(), top.end()));
    assertTrue(post.substring(top.begin()).startsWith(top.phrase()));
  }

  @Test
  void spansSurviveDecodedEntitiesAndDroppedTags() {
    String post = "<b>ring</b>&nbsp;social&nbsp;services on her";
    Score s = scorer.score(post, true, true);
    List<EvidenceSpan> spans = s.spans().get(Label.FALSE_REPORT);
    assertFalse(spans.isEmpty());
    for (EvidenceSpan span : spans) {
      assertEquals(span.phrase(), post.substring(span.begin(), span.end()));
    }
  }
}
