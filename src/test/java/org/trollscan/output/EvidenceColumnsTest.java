package org.trollscan.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.trollscan.input.Post;
import org.trollscan.model.EvidenceSpan;
import org.trollscan.model.Label;
import org.trollscan.model.Score;

/**
 * Each label's evidence in a column of its own that a program can split whatever the phrases
 * hold: a JSON array of strings in the CSV, a list of spans with offsets in JSON Lines.
 */
class EvidenceColumnsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Label> LABELS = List.of(Label.HARASSMENT, Label.FALSE_REPORT);
  /** Separators of the old single column, quotes, a backslash and a line break, after emoji. */
  private static final String TEXT =
      "\uD83D\uDE00\uD83D\uDE00 lazy cow; ring \"social\" | her \\ now\nok";
  private static final String PHRASE_1 = "lazy cow; ring \"social\" | her";
  private static final String PHRASE_2 = "her \\ now\nok";

  private static Score score() {
    int b1 = TEXT.indexOf(PHRASE_1);
    int b2 = TEXT.indexOf(PHRASE_2);
    Map<Label, Double> p = new EnumMap<>(Map.of(Label.HARASSMENT, 0.9, Label.FALSE_REPORT,
        0.000462));
    Map<Label, List<String>> phrases = new EnumMap<>(Label.class);
    phrases.put(Label.HARASSMENT, List.of(PHRASE_1, PHRASE_2));
    Map<Label, List<EvidenceSpan>> spans = new EnumMap<>(Label.class);
    spans.put(Label.HARASSMENT, List.of(new EvidenceSpan(PHRASE_1, b1, b1 + PHRASE_1.length(),
        2.5), new EvidenceSpan(PHRASE_2, b2, b2 + PHRASE_2.length(), 0.0004621)));
    return new Score(p, List.of(Label.HARASSMENT), phrases, false, spans);
  }

  private static Post post() {
    return new Post("in.csv", 2, "p1", TEXT, Map.of("text", TEXT));
  }

  @Test
  void csvHasOneEvidenceColumnPerLabelHoldingAJsonArrayOfThePhrasesAsWritten()
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvScoreWriter w = new CsvScoreWriter(out, new OutputColumns(LABELS, List.of(), false,
        false), true);
    w.write(post(), score());
    w.finish();
    CSVRecord row = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(out.toString(StandardCharsets.UTF_8))).getRecords().get(0);
    assertEquals(List.of("id", "harassment", "false_report", "flagged", "harassment_evidence",
        "false_report_evidence"), row.getParser().getHeaderNames());
    assertEquals(List.of(PHRASE_1, PHRASE_2), JSON.readValue(row.get("harassment_evidence"),
        new TypeReference<List<String>>() {}));
    assertEquals("[]", row.get("false_report_evidence"), "a label not flagged: an empty array");
    assertEquals("0.000462", row.get("false_report"));
  }

  @Test
  void jsonLinesHasPerLabelSpansWhoseOffsetsCutThePhraseOutOfThePost() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonlScoreWriter w = new JsonlScoreWriter(out, new OutputColumns(LABELS, List.of(), false,
        false));
    w.write(post(), score());
    w.finish();
    String line = out.toString(StandardCharsets.UTF_8);
    JsonNode row = JSON.readTree(line);
    JsonNode spans = row.get("harassment_evidence");
    assertEquals(2, spans.size());
    for (JsonNode s : spans) {
      assertEquals(s.get("phrase").asText(),
          TEXT.substring(s.get("begin").asInt(), s.get("end").asInt()));
    }
    assertEquals(PHRASE_1, spans.get(0).get("phrase").asText());
    assertEquals(5, spans.get(0).get("begin").asInt(), "two emoji are four UTF-16 units");
    assertTrue(line.contains("\"weight\":2.500000}"), line);
    assertTrue(line.contains("\"weight\":0.000462}"), line);
    assertTrue(line.contains("\"false_report\":0.000462,"), line);
    assertEquals(0, row.get("false_report_evidence").size());
    assertTrue(!row.has("evidence"), "the single evidence field is gone: " + line);
  }
}
