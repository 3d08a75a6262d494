package org.trollscan.corpus;

import org.trollscan.rules.Rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trollscan.annotate.Annotation;
import org.trollscan.annotate.TextAnalyzer;

/** The corpus issue's rules: counts, variety, and splits by thread (see DATASHEET.md). */
class CorpusTest {
  static final List<String> SPLITS = List.of("train", "dev", "test");
  static final Set<String> HARD_CUES = Set.of("authority", "report_verb", "insult", "profanity");
  static final List<CSVRecord> rows = new ArrayList<>();
  static final Map<CSVRecord, String> splitOf = new HashMap<>();

  @BeforeAll
  static void readCorpus() throws IOException {
    for (String split : SPLITS) {
      for (CSVRecord r : read(Path.of("samples/corpus/" + split + ".csv"))) {
        rows.add(r);
        splitOf.put(r, split);
      }
    }
  }

  static List<CSVRecord> read(Path file) throws IOException {
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(Files.newBufferedReader(file)).getRecords();
  }

  static boolean isFalseReport(CSVRecord r) {
    return r.get("false_report").equals("1");
  }

  static boolean isHarassmentOnly(CSVRecord r) {
    return r.get("harassment").equals("1") && r.get("false_report").equals("0");
  }

  static boolean isNegative(CSVRecord r) {
    return r.get("harassment").equals("0") && r.get("false_report").equals("0");
  }

  @Test
  void hasAtLeastTwoThousandDistinctPostsWithUniqueIds() {
    assertTrue(rows.size() >= 2000, "rows: " + rows.size());
    assertEquals(rows.size(), rows.stream().map(r -> r.get("text")).distinct().count());
    assertEquals(rows.size(), rows.stream().map(r -> r.get("id")).distinct().count());
  }

  @Test
  void labelCountsMeetTheMinimums() {
    assertTrue(rows.stream().filter(CorpusTest::isFalseReport).count() >= 400);
    assertTrue(rows.stream().filter(CorpusTest::isHarassmentOnly).count() >= 500);
    assertTrue(rows.stream().filter(CorpusTest::isNegative).count() >= 1000);
  }

  @Test
  void everyRowFollowsTheLabellingRules() {
    for (CSVRecord r : rows) {
      assertTrue(Set.of("0", "1").contains(r.get("harassment")), r.get("id"));
      assertTrue(Set.of("0", "1").contains(r.get("false_report")), r.get("id"));
      assertTrue(!isFalseReport(r) || r.get("harassment").equals("1"), r.get("id"));
      assertTrue(Set.of("gossip", "reddit", "facebook", "parenting", "twitter")
          .contains(r.get("source_style")), r.get("id"));
      assertTrue(!r.get("thread_id").isBlank(), r.get("id"));
    }
  }

  @Test
  void atLeastFourHundredNegativesAreHard() {
    TextAnalyzer analyzer = TextAnalyzer.forTokenizer("forum", Rules.fromClasspath());
    long hard = rows.stream().filter(CorpusTest::isNegative)
        .filter(r -> analyzer.analyze(r.get("text")).get(Annotation.CUES).stream()
            .anyMatch(m -> HARD_CUES.contains(m.cue())))
        .count();
    assertTrue(hard >= 400, "hard negatives: " + hard);
  }

  @Test
  void lengthsVaryAndOneInTenIsOverSixtyWords() {
    long longPosts = rows.stream().filter(r -> r.get("text").split("\\s+").length > 60).count();
    assertTrue(longPosts * 10 >= rows.size(), "long posts: " + longPosts);
    assertTrue(rows.stream().anyMatch(r -> r.get("text").split("\\s+").length <= 3));
  }

  @Test
  void everyStyleHasEveryLabel() {
    for (String style : List.of("gossip", "reddit", "facebook", "parenting", "twitter")) {
      List<CSVRecord> s = rows.stream().filter(r -> r.get("source_style").equals(style)).toList();
      assertTrue(s.stream().anyMatch(CorpusTest::isFalseReport), style);
      assertTrue(s.stream().anyMatch(CorpusTest::isHarassmentOnly), style);
      assertTrue(s.stream().anyMatch(CorpusTest::isNegative), style);
    }
  }

  @Test
  void noThreadStraddlesSplitsAndEverySplitHasEveryLabel() {
    Map<String, String> threadSplit = new HashMap<>();
    for (CSVRecord r : rows) {
      String previous = threadSplit.putIfAbsent(r.get("thread_id"), splitOf.get(r));
      assertTrue(previous == null || previous.equals(splitOf.get(r)),
          "thread " + r.get("thread_id") + " is in " + previous + " and " + splitOf.get(r));
    }
    for (String split : SPLITS) {
      List<CSVRecord> s = rows.stream().filter(r -> splitOf.get(r).equals(split)).toList();
      assertTrue(s.stream().filter(CorpusTest::isFalseReport).count() >= 40, split);
      assertTrue(s.stream().filter(CorpusTest::isHarassmentOnly).count() >= 30, split);
    }
  }

  @Test
  void functionalTestsHaveTwentyCasesPerFunctionalityAndNoneAreInTheCorpus() throws IOException {
    List<CSVRecord> tests = read(Path.of("samples/functional.csv"));
    Map<String, Integer> perFunctionality = new HashMap<>();
    Set<String> corpusTexts = new HashSet<>();
    rows.forEach(r -> corpusTexts.add(r.get("text")));
    for (CSVRecord t : tests) {
      perFunctionality.merge(t.get("functionality"), 1, Integer::sum);
      assertTrue(!corpusTexts.contains(t.get("text")), "in the corpus: " + t.get("text"));
    }
    assertTrue(perFunctionality.size() >= 17, perFunctionality.toString());
    perFunctionality.forEach((f, n) -> assertTrue(n >= 20, f + ": " + n));
  }
}
