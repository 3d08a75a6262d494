package org.trollscan.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trollscan.rules.RuleException;

class ReplyCuesTest {
  private static final ReplyCues CUES = ReplyCues.fromClasspath();

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      done                                                             | true  | true
      mine's sent                                                      | true  | true
      Mine’s sent                                                      | true  | true
      same, all sent                                                   | true  | true
      +1                                                               | true  | true
      me too x                                                         | true  | true
      lovely photo                                                     | true  | false
      bloody hell it's cold                                            | true  | false
      Someone ring social services on her, the kids are always filthy  | false | false
      done, and I told every single person in my office to do it too  | false | false
      """)
  void shortRepliesThatReferBackAreTold(String text, boolean isShort, boolean refersBack) {
    assertEquals(isShort, CUES.isShort(text), "short");
    assertEquals(refersBack, CUES.refersBack(text), "refers back");
  }

  @Test
  void theRuleFileHoldsTheWordsThatWereJavaBeforeTheManifestRecordedThem() {
    // The list ReplyCues held in Java until 7 December 2026, which every context bundle trained
    // before records: training from the rule file must write the same.
    List<String> java = List.copyOf(new TreeSet<>(List.of("done", "did", "do", "doing", "it",
        "mine", "mines", "same", "sent", "send", "too", "also", "well", "signed", "in", "one",
        "another", "again", "me", "us", "both", "sorted", "submitted", "filled", "rang",
        "phoned", "emailed", "posted", "shared", "voted", "gone", "on", "that's", "thats",
        "+1")));
    assertEquals(java, CUES.referringWords());
    assertEquals(8, CUES.shortWords());
  }

  @Test
  void theCuesAreTheOnesGivenNotThisTrollscans() {
    ReplyCues other = new ReplyCues(2, List.of("zzz"));
    assertTrue(other.refersBack("zzz ok"));
    assertFalse(other.refersBack("done"), "done is not among the words given");
    assertFalse(other.refersBack("zzz is three words"), "longer than 2 words");
    assertTrue(CUES.refersBack("done"));
  }

  @Test
  void aListedWordThatNoReplyIsSplitIntoIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ReplyCues(8, List.of("Done")));
    assertThrows(IllegalArgumentException.class, () -> new ReplyCues(8, List.of("me too")));
    assertThrows(IllegalArgumentException.class, () -> new ReplyCues(0, List.of("done")));
    RuleException e = assertThrows(RuleException.class, () -> ReplyCues.parse(
        "# words\ndone\nall done\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(3, e.line());
    assertTrue(e.problem().contains("'all done' is no word"), e.problem());
  }
}
