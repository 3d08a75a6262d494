package org.trollscan.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trollscan.input.InputException;
import org.trollscan.input.Post;
import org.trollscan.model.BundleIO;
import org.trollscan.model.Label;
import org.trollscan.model.Score;
import org.trollscan.model.Scorer;

/** The campaign rule and the author counts, on posts whose flags are given. */
class SummarizerTest {
  private static final List<Label> LABELS = List.of(Label.HARASSMENT, Label.FALSE_REPORT);
  private static final TargetExtractor TARGETS =
      TargetExtractor.of(new Scorer(BundleIO.loadDefault()));
  private int line = 1;

  private Post post(String thread, String author) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("thread", thread);
    fields.put("author", author);
    line++;
    return new Post("in.csv", line, "p" + line, "text " + line, fields);
  }

  private static Score report() {
    return new Score(Map.of(Label.FALSE_REPORT, 0.9, Label.HARASSMENT, 0.2),
        List.of(Label.FALSE_REPORT), Map.of(), false);
  }

  private static Score none() {
    return new Score(Map.of(Label.FALSE_REPORT, 0.1, Label.HARASSMENT, 0.1), List.of(), Map.of(),
        false);
  }

  private static Summarizer summarizer(String author, int min) {
    return new Summarizer(LABELS, new Summarizer.Columns("thread", author, null), TARGETS, min);
  }

  @Test
  void oneAuthorRepeatingACallIsNoCampaignTwoAuthorsAre() {
    Summarizer s = summarizer("author", 2);
    s.add(post("alone", "cat"), report());
    s.add(post("alone", "cat"), report());
    s.add(post("alone", "cat"), report());
    s.add(post("joined", "cat"), report());
    s.add(post("joined", "bea"), none());
    s.add(post("joined", "dee"), report());
    List<Summary.Campaign> campaigns = s.summary().campaigns();
    assertEquals(List.of("joined"), campaigns.stream().map(Summary.Campaign::thread).toList());
    assertEquals(2, campaigns.get(0).authors());
    assertEquals(3, campaigns.get(0).posts());
    assertEquals(List.of("cat", "dee"), campaigns.get(0).reports().stream()
        .map(Summary.CampaignPost::author).toList());
  }

  @Test
  void campaignMinIsTheNumberOfAuthorsNeeded() {
    Summarizer s = summarizer("author", 3);
    for (String a : List.of("ann", "bea")) {
      s.add(post("two", a), report());
    }
    for (String a : List.of("ann", "bea", "cat")) {
      s.add(post("three", a), report());
    }
    assertEquals(List.of("three"), s.summary().campaigns().stream()
        .map(Summary.Campaign::thread).toList());
    assertThrows(IllegalArgumentException.class, () -> summarizer("author", 1));
  }

  @Test
  void postsWithABlankAuthorAreCountedUnderNoAuthorNotDropped() {
    Summarizer s = summarizer("author", 2);
    s.add(post("t", ""), report());
    s.add(post("t", " "), none());
    s.add(post("t", "ann"), none());
    Summary summary = s.summary();
    Summary.AuthorRow blank = summary.authors().get(0);
    assertEquals(Summarizer.NO_AUTHOR, blank.author());
    assertEquals(2, blank.posts());
    assertEquals(1, blank.flagged()[1]);
    long counted = summary.authors().stream().mapToLong(Summary.AuthorRow::posts).sum();
    assertEquals(summary.posts(), counted, "every post is some author's");
  }

  @Test
  void aColumnThatIsNotThereStopsAtTheFirstPostOfEachInput() {
    Summarizer s = new Summarizer(LABELS, new Summarizer.Columns("thread", null, "time"),
        TARGETS, 2);
    InputException e = assertThrows(InputException.class, () -> s.add(post("t", "a"), none()));
    assertTrue(e.getMessage().startsWith("in.csv:2: no column 'time' for the time; the columns "
        + "are: thread, author"), e.getMessage());
  }

  @Test
  void theTargetsOfFlaggedPostsAreCountedPerLabelAndThread() {
    Summarizer s = summarizer("author", 2);
    Map<String, String> t1 = Map.of("thread", "t1", "author", "ann");
    Map<String, String> t2 = Map.of("thread", "t2", "author", "bea");
    s.add(new Post("in.csv", 2, "p1", "ring social services on Kerry and her husband", t1),
        report());
    s.add(new Post("in.csv", 3, "p2", "report @kerry_cooks_uk and Kerry", t2), report());
    s.add(new Post("in.csv", 4, "p3", "lovely cake, Becky", t2), none());
    List<Summary.TargetRow> targets = s.summary().targets();
    assertEquals(List.of("Kerry", "@kerry_cooks_uk", "her husband"),
        targets.stream().map(Summary.TargetRow::target).toList(), "no post flagged names Becky");
    assertEquals(List.of(0L, 2L), java.util.Arrays.stream(targets.get(0).flagged()).boxed()
        .toList());
    assertEquals(2, targets.get(0).threads());
  }

  @Test
  void longCampaignPostsAreCutWithoutSplittingACharacter() {
    Summarizer s = new Summarizer(LABELS, new Summarizer.Columns("thread", null, null), TARGETS,
        2);
    StringBuilder text = new StringBuilder("a".repeat(Summarizer.EXCERPT - 2));
    text.append("😇😇😇");
    Map<String, String> fields = Map.of("thread", "t");
    s.add(new Post("in.csv", 2, "p1", text.toString(), fields), report());
    s.add(new Post("in.csv", 3, "p2", "short", fields), report());
    String excerpt = s.summary().campaigns().get(0).reports().get(0).excerpt();
    assertTrue(excerpt.endsWith("…"), excerpt);
    List<Integer> bad = new ArrayList<>();
    excerpt.codePoints().filter(cp -> cp >= 0xD800 && cp <= 0xDFFF).forEach(bad::add);
    assertEquals(List.of(), bad, "no lone surrogate");
  }
}
