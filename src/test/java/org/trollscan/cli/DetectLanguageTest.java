package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code score --detect-language}: a language column, and a count of posts not in English. */
class DetectLanguageTest {
  @TempDir Path dir;

  private Path export() throws IOException {
    return Files.writeString(dir.resolve("mixed.csv"), "id,text\n"
        + "1,someone should ring social services on her and tell them what she did\n"
        + "2,Jemand sollte sofort das Jugendamt anrufen und diese Mutter dort melden\n"
        + "3,you idiot\n"
        + "4,\n"
        + "5,Quelqu'un devrait appeler les services sociaux et signaler cette femme\n");
  }

  @Test
  void writesALanguageColumnAndCountsThePostsNotDetectedAsEnglish() throws IOException {
    Cli.Result r = Cli.run("score", "--detect-language", "--keep", "text", export().toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    assertEquals(List.of("id", "harassment", "false_report", "flagged", "harassment_evidence",
        "false_report_evidence", "language",
        "text"), ScoreCommandTest.header(r.out()));
    List<CSVRecord> rows = ScoreCommandTest.csv(r.out());
    // Short posts count as English (detectors guess noise on them); an empty post has none.
    assertEquals(List.of("en", "de", "en", "", "fr"),
        rows.stream().map(x -> x.get("language")).toList());
    assertTrue(r.err().contains("; 2 posts not detected as English: scores on them are not "
        + "meaningful"), r.err());
  }

  @Test
  void jsonLinesCarryTheLanguageToo() throws IOException {
    Cli.Result r = Cli.run("score", "--detect-language", "--output-format", "jsonl",
        export().toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("de", new ObjectMapper().readTree(lines.get(1)).get("language").asText());
  }

  @Test
  void withoutTheOptionThereIsNoColumnAndNoCount() throws IOException {
    Cli.Result r = Cli.run("score", export().toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    assertFalse(ScoreCommandTest.header(r.out()).contains("language"), r.out());
    assertFalse(r.err().contains("English"), r.err());
  }

  @Test
  void aSinglePostNotInEnglishIsCountedInTheSingular() throws IOException {
    Path one = Files.writeString(dir.resolve("one.txt"),
        "Jemand sollte sofort das Jugendamt anrufen und diese Mutter dort melden\n");
    Cli.Result r = Cli.run("score", "--detect-language", "-o", dir.resolve("o.csv").toString(),
        one.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    assertTrue(r.err().endsWith("; 1 post not detected as English: its scores are not "
        + "meaningful\n"), r.err());
  }

  @Test
  void anInputColumnNamedLanguageIsKeptUnderAnotherName() throws IOException {
    Path in = Files.writeString(dir.resolve("lang.csv"), "id,text,language\n1,hello there,fr\n");
    Cli.Result r = Cli.run("score", "--detect-language", "--keep-all", in.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    assertEquals(List.of("id", "harassment", "false_report", "flagged", "harassment_evidence",
        "false_report_evidence", "language",
        "input_id", "text", "input_language"), ScoreCommandTest.header(r.out()));
    assertEquals("fr", ScoreCommandTest.csv(r.out()).get(0).get("input_language"));
    assertEquals("en", ScoreCommandTest.csv(r.out()).get(0).get("language"));
  }

  @Test
  void summarizeCountsThePostsNotDetectedAsEnglish() throws IOException {
    Cli.Result r = Cli.run("summarize", "--detect-language", "--out-dir",
        dir.resolve("summary").toString(), export().toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    assertTrue(r.err().endsWith(" campaign threads; 2 posts not detected as English: flags on them are "
        + "not meaningful\n"), r.err());
    Cli.Result without = Cli.run("summarize", "--out-dir", dir.resolve("summary2").toString(),
        export().toString());
    assertFalse(without.err().contains("English"), without.err());
  }
}
