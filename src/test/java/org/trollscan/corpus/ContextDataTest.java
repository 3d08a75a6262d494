package org.trollscan.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 31's thread data: {@code samples/corpus/train-context.csv} (join-in replies under
 * harmless and campaign openers, for training) and the two families of pairs of threads sharing
 * their replies, never trained on: {@code samples/context-pairs.csv} and
 * {@code samples/context-pairs-2.csv} (the second, written blind to the first's results). See
 * DATASHEET.md, samples/README.md and docs/context.md.
 */
class ContextDataTest {
  static final Path CONTEXT = Path.of("samples/corpus/train-context.csv");
  static final Path PAIRS = Path.of("samples/context-pairs.csv");
  static final Path PAIRS_2 = Path.of("samples/context-pairs-2.csv");
  static final List<String> CORPUS = List.of("train", "dev", "test");
  static final Set<String> STYLES = Set.of("gossip", "reddit", "facebook", "parenting", "twitter");
  /** Replies this short only mean something after their opener (docs/context.md). */
  static final int SHORT_REPLY_WORDS = 6;

  static List<CSVRecord> read(Path file) throws IOException {
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(Files.newBufferedReader(file)).getRecords();
  }

  static List<CSVRecord> corpus() throws IOException {
    List<CSVRecord> rows = new ArrayList<>();
    for (String split : CORPUS) {
      rows.addAll(read(Path.of("samples/corpus/" + split + ".csv")));
    }
    return rows;
  }

  static String key(String text) {
    return text.strip().toLowerCase(Locale.ROOT);
  }

  @Test
  void contextRowsFollowTheLabellingRulesAndTheCorpusColumns() throws IOException {
    List<CSVRecord> rows = read(CONTEXT);
    assertTrue(rows.size() >= 150, "rows: " + rows.size());
    for (CSVRecord r : rows) {
      String where = CONTEXT + " line " + (r.getRecordNumber() + 1);
      assertTrue(Set.of("0", "1").contains(r.get("harassment")), where);
      assertTrue(Set.of("0", "1").contains(r.get("false_report")), where);
      assertTrue(r.get("false_report").equals("0") || r.get("harassment").equals("1"), where);
      assertTrue(STYLES.contains(r.get("source_style")), where);
      assertFalse(r.get("thread_id").isBlank(), where);
      assertFalse(r.get("text").isBlank(), where);
    }
  }

  @Test
  void contextIdsAndThreadsAreNewAndEachThreadIsConsecutive() throws IOException {
    Set<String> corpusIds = new HashSet<>();
    Set<String> corpusThreads = new HashSet<>();
    for (CSVRecord r : corpus()) {
      corpusIds.add(r.get("id"));
      corpusThreads.add(r.get("thread_id"));
    }
    Set<String> ids = new HashSet<>();
    Set<String> closedThreads = new HashSet<>();
    String current = null;
    for (CSVRecord r : read(CONTEXT)) {
      assertTrue(ids.add(r.get("id")), "duplicate id " + r.get("id"));
      assertFalse(corpusIds.contains(r.get("id")), "id already in the corpus: " + r.get("id"));
      String thread = r.get("thread_id");
      assertFalse(corpusThreads.contains(thread), "thread already in the corpus: " + thread);
      if (!thread.equals(current)) {
        if (current != null) {
          closedThreads.add(current);
        }
        assertFalse(closedThreads.contains(thread), "thread " + thread + " resumes later");
        current = thread;
      }
    }
  }

  @Test
  void everyShortReplyFlaggedInACampaignAlsoAnswersAHarmlessOpener() throws IOException {
    Map<String, Set<String>> labelsOfShortReply = new LinkedHashMap<>();
    String thread = null;
    for (CSVRecord r : read(CONTEXT)) {
      boolean opener = !r.get("thread_id").equals(thread);
      thread = r.get("thread_id");
      if (!opener && r.get("text").split("\\s+").length <= SHORT_REPLY_WORDS) {
        labelsOfShortReply.computeIfAbsent(r.get("text"), t -> new HashSet<>())
            .add(r.get("false_report"));
      }
    }
    long bothWays = labelsOfShortReply.values().stream().filter(s -> s.size() == 2).count();
    assertTrue(bothWays >= 15, "short replies labelled both ways: " + bothWays);
    labelsOfShortReply.forEach((text, labels) -> assertTrue(
        !labels.contains("1") || labels.contains("0"),
        "'" + text + "' is a false_report reply only: the shortcut this file is meant to break"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"samples/context-pairs.csv", "samples/context-pairs-2.csv"})
  void eachPairIsACampaignAndAHarmlessThreadWithTheSameRepliesWordForWord(String family)
      throws IOException {
    Map<String, Map<String, List<CSVRecord>>> threadsOfPair = new LinkedHashMap<>();
    for (CSVRecord r : read(Path.of(family))) {
      threadsOfPair.computeIfAbsent(r.get("pair_id"), p -> new HashMap<>())
          .computeIfAbsent(r.get("role"), role -> new ArrayList<>()).add(r);
    }
    assertTrue(threadsOfPair.size() >= 30, "pairs: " + threadsOfPair.size());
    threadsOfPair.forEach((pair, threads) -> {
      assertEquals(Set.of("campaign", "harmless"), threads.keySet(), pair);
      List<CSVRecord> campaign = threads.get("campaign");
      List<CSVRecord> harmless = threads.get("harmless");
      assertEquals(campaign.size(), harmless.size(), pair);
      assertTrue(campaign.size() >= 3, pair + ": an opener and at least two replies");
      for (List<CSVRecord> t : List.of(campaign, harmless)) {
        for (int i = 0; i < t.size(); i++) {
          assertEquals(String.valueOf(i + 1), t.get(i).get("position"), t.get(i).get("id"));
          assertEquals(t.get(0).get("thread_id"), t.get(i).get("thread_id"), t.get(i).get("id"));
        }
      }
      assertNotEquals(campaign.get(0).get("thread_id"), harmless.get(0).get("thread_id"), pair);
      assertNotEquals(campaign.get(0).get("text"), harmless.get(0).get("text"), pair);
      for (int i = 1; i < campaign.size(); i++) {
        assertEquals(campaign.get(i).get("text"), harmless.get(i).get("text"),
            pair + " reply " + (i + 1));
      }
      campaign.forEach(r -> assertEquals("1", r.get("false_report"), r.get("id")));
      campaign.forEach(r -> assertEquals("1", r.get("harassment"), r.get("id")));
      harmless.forEach(r -> assertEquals("0", r.get("false_report"), r.get("id")));
      harmless.forEach(r -> assertEquals("0", r.get("harassment"), r.get("id")));
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"samples/context-pairs.csv", "samples/context-pairs-2.csv"})
  void noPairTextIsInAnyTrainingFileTheCorpusOrTheFunctionalTests(String family)
      throws IOException {
    Map<String, String> seen = new HashMap<>();
    for (String split : CORPUS) {
      read(Path.of("samples/corpus/" + split + ".csv"))
          .forEach(r -> seen.put(key(r.get("text")), split + ".csv " + r.get("id")));
    }
    read(CONTEXT).forEach(r -> seen.put(key(r.get("text")), "train-context.csv " + r.get("id")));
    read(Path.of("samples/functional.csv"))
        .forEach(r -> seen.put(key(r.get("text")), "functional.csv " + r.get("id")));
    for (CSVRecord r : read(Path.of(family))) {
      String where = seen.get(key(r.get("text")));
      assertTrue(where == null, r.get("id") + " '" + r.get("text") + "' is also in " + where);
    }
  }

  @Test
  void theSecondFamilyHasThirtyPairsOfItsOwnWithNoTextOfTheFirst() throws IOException {
    Set<String> first = new HashSet<>();
    read(PAIRS).forEach(r -> first.add(key(r.get("text"))));
    Set<String> pairs = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (CSVRecord r : read(PAIRS_2)) {
      String where = PAIRS_2 + " line " + (r.getRecordNumber() + 1);
      String pair = r.get("pair_id");
      assertTrue(pair.matches("cq(0[1-9]|[12][0-9]|30)"), where + ": pair " + pair);
      pairs.add(pair);
      String tag = r.get("role").equals("campaign") ? "c" : "h";
      assertEquals(pair + "-" + tag, r.get("thread_id"), where);
      assertEquals(pair + "-" + tag + r.get("position"), r.get("id"), where);
      assertTrue(ids.add(r.get("id")), where + ": duplicate id " + r.get("id"));
      assertTrue(STYLES.contains(r.get("source_style")), where);
      assertFalse(first.contains(key(r.get("text"))),
          where + ": '" + r.get("text") + "' is also in " + PAIRS);
    }
    assertEquals(30, pairs.size(), "pairs");
    assertEquals(240, ids.size(), "posts: 30 pairs of two threads of four");
  }
}
