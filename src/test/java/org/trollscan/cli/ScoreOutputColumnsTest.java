package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The score columns a program relies on, end to end with the shipped model: one evidence column
 * per label, offsets that hold after emoji, and a source column when ids could clash.
 */
class ScoreOutputColumnsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POST =
      "\uD83D\uDE21\uD83D\uDE21 you lazy cow; someone should ring social services on her | today";
  @TempDir Path dir;

  private Path file(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  private static CSVParser csv(String text) throws IOException {
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(text));
  }

  @Test
  void csvEvidenceIsAJsonArrayPerLabelOfPhrasesFromThePost() throws IOException {
    Path in = file("in.csv", "id,text\na,\"" + POST + "\"\nb,lovely day\n");
    Cli.Result r = Cli.run("score", "--quiet", in.toString());
    assertEquals(0, r.exitCode(), r.err());
    CSVParser parser = csv(r.out());
    assertEquals(List.of("id", "harassment", "false_report", "flagged", "harassment_evidence",
        "false_report_evidence"), parser.getHeaderNames());
    List<CSVRecord> rows = parser.getRecords();
    assertEquals("harassment;false_report", rows.get(0).get("flagged"));
    for (String column : List.of("harassment_evidence", "false_report_evidence")) {
      List<String> phrases = JSON.readValue(rows.get(0).get(column),
          new TypeReference<List<String>>() {});
      assertFalse(phrases.isEmpty(), column);
      for (String phrase : phrases) {
        assertTrue(POST.contains(phrase), phrase);
      }
      assertEquals("[]", rows.get(1).get(column));
    }
  }

  @Test
  void jsonLinesEvidenceOffsetsCountUtf16UnitsOfThePostAsWritten() throws IOException {
    Path in = file("in.jsonl", JSON.writeValueAsString(java.util.Map.of("text", POST)) + "\n");
    Cli.Result r = Cli.run("score", "--quiet", "--output-format", "jsonl", in.toString());
    assertEquals(0, r.exitCode(), r.err());
    JsonNode row = JSON.readTree(r.out());
    int spans = 0;
    for (String field : List.of("harassment_evidence", "false_report_evidence")) {
      for (JsonNode s : row.get(field)) {
        spans++;
        int begin = s.get("begin").asInt();
        assertTrue(begin >= 4, "after the two emoji (four UTF-16 units): " + s);
        assertEquals(s.get("phrase").asText(), POST.substring(begin, s.get("end").asInt()));
        assertTrue(s.get("weight").isNumber(), s.toString());
      }
    }
    assertTrue(spans >= 2, r.out());
  }

  @Test
  void severalInputsGetASourceColumnSoTheirIdsStayApart() throws IOException {
    Path one = file("one.csv", "id,text\n1,lovely day\n");
    Path two = file("two.csv", "id,text\n1,nice one\n");
    Cli.Result r = Cli.run("score", "--quiet", one.toString(), two.toString());
    assertEquals(0, r.exitCode(), r.err());
    CSVParser parser = csv(r.out());
    assertEquals(List.of("id", "source"), parser.getHeaderNames().subList(0, 2));
    List<CSVRecord> rows = parser.getRecords();
    assertEquals(List.of(one.toString(), two.toString()),
        rows.stream().map(x -> x.get("source")).toList());
    assertEquals(List.of("1", "1"), rows.stream().map(x -> x.get("id")).toList());
  }

  @Test
  void oneInputHasNoSourceColumnUnlessAskedAndStdinIsNamedDash() throws IOException {
    Path one = file("one.csv", "id,text\n1,lovely day\n");
    Cli.Result plain = Cli.run("score", "--quiet", one.toString());
    assertFalse(csv(plain.out()).getHeaderNames().contains("source"), plain.out());
    Cli.Result asked = Cli.runWithStdin("id,text\n1,lovely day\n", "score", "--quiet",
        "--source", "--output-format", "jsonl", "-");
    assertEquals("-", JSON.readTree(asked.out()).get("source").asText(), asked.out());
  }

  @Test
  void aKeptColumnNamedSourceIsRenamedNotLost() throws IOException {
    Path one = file("one.csv", "id,text,source\n1,lovely day,web\n");
    Path two = file("two.csv", "id,text,source\n1,nice one,app\n");
    Cli.Result r = Cli.run("score", "--quiet", "--keep", "source", one.toString(),
        two.toString());
    assertEquals(0, r.exitCode(), r.err());
    List<CSVRecord> rows = csv(r.out()).getRecords();
    assertEquals("web", rows.get(0).get("input_source"));
    assertEquals(two.toString(), rows.get(1).get("source"));
  }
}
