package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score --output-format jsonl} writes kept fields back with the JSON types they were read
 * with, and probabilities as plain six-decimal numbers; end to end, with the shipped model.
 */
class JsonLinesTypesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private List<String> score(String input, String... options) throws IOException {
    Path file = dir.resolve("in.jsonl");
    Files.writeString(file, input, StandardCharsets.UTF_8);
    List<String> args = new java.util.ArrayList<>(List.of("score", "--quiet",
        "--output-format", "jsonl"));
    args.addAll(List.of(options));
    args.add(file.toString());
    Cli.Result r = Cli.run(args.toArray(new String[0]));
    assertEquals(0, r.exitCode(), r.err());
    return r.out().lines().toList();
  }

  @Test
  void keptFieldsKeepTheirJsonTypesAndTheirTextAsWritten() throws IOException {
    String line = "{\"id\":7,\"text\":\"lovely day\",\"created\":1761990000,\"score\":1.50,"
        + "\"huge\":1e400,\"big\":123456789012345678901234567890,\"nsfw\":false,\"edited\":null,"
        + "\"meta\":{\"a\": [1, 2.0, \"x\"], \"b\": {}},\"tags\":[\"t1\",\"t2\"],\"name\":\"ann\"}\n";
    String out = score(line, "--keep-all").get(0);
    for (String field : List.of("\"input_id\":7", "\"created\":1761990000", "\"score\":1.50",
        "\"huge\":1e400", "\"big\":123456789012345678901234567890", "\"nsfw\":false",
        "\"edited\":null", "\"meta\":{\"a\": [1, 2.0, \"x\"], \"b\": {}}",
        "\"tags\":[\"t1\",\"t2\"]", "\"name\":\"ann\"", "\"text\":\"lovely day\"")) {
      assertTrue(out.contains(field), field + " in " + out);
    }
    JsonNode row = JSON.readTree(out);
    assertTrue(row.get("created").isIntegralNumber());
    assertTrue(row.get("nsfw").isBoolean());
    assertTrue(row.get("edited").isNull());
    assertTrue(row.get("meta").isObject());
    assertTrue(row.get("tags").isArray());
    assertEquals("7", row.get("id").asText(), "the id column is text whatever the input held");
    assertTrue(row.get("id").isTextual());
  }

  @Test
  void keepNamesAFieldTheSameWayAndARowLackingItGetsNull() throws IOException {
    List<String> out = score("{\"text\":\"lovely day\",\"n\":3}\n{\"text\":\"nice one\"}\n",
        "--keep", "n");
    assertTrue(JSON.readTree(out.get(0)).get("n").isInt(), out.get(0));
    assertTrue(JSON.readTree(out.get(1)).get("n").isNull(), out.get(1));
  }

  @Test
  void aFieldNamedTwiceInALineIsKeptWithItsLastValueAndThatValuesType() throws IOException {
    List<String> out = score("{\"text\":\"lovely day\",\"n\":1,\"n\":\"one\"}\n"
        + "{\"text\":\"nice one\",\"n\":\"one\",\"n\":[2]}\n", "--keep", "n");
    assertEquals("one", JSON.readTree(out.get(0)).get("n").textValue(), out.get(0));
    assertTrue(out.get(1).contains("\"n\":[2]"), out.get(1));
  }

  @Test
  void probabilitiesAreSixDecimalsNeverScientificNotation() throws IOException {
    // The shipped model gives this post a false_report probability under 0.001, which Jackson
    // wrote as 2.79E-4 before.
    List<String> out = score("{\"text\":\"thanks for the recipe the cake was lovely\"}\n");
    Pattern plain = Pattern.compile("\"harassment\":[01]\\.\\d{6},\"false_report\":[01]\\.\\d{6},");
    assertTrue(plain.matcher(out.get(0)).find(), out.get(0));
    assertTrue(JSON.readTree(out.get(0)).get("false_report").asDouble() < 0.001, out.get(0));
  }

  @Test
  void csvInputsKeepTheirFieldsAsStrings() throws IOException {
    Path file = dir.resolve("in.csv");
    Files.writeString(file, "text,n\nlovely day,3\n", StandardCharsets.UTF_8);
    Cli.Result r = Cli.run("score", "--quiet", "--output-format", "jsonl", "--keep", "n",
        file.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(JSON.readTree(r.out()).get("n").isTextual(), r.out());
  }

  @Test
  void aKeptObjectIsBoundedByItsTextAsWrittenLikeAnyOtherField() throws IOException {
    // 20,000 spaces inside an object: 2 characters once parsed, 20,002 as written and kept.
    String padded = "{\"text\":\"lovely day\",\"meta\":{" + " ".repeat(20_000) + "}}\n";
    Path file = dir.resolve("padded.jsonl");
    Files.writeString(file, padded, StandardCharsets.UTF_8);
    Cli.Result r = Cli.run("score", "--quiet", "--output-format", "jsonl", "--keep-all",
        file.toString());
    assertEquals(ExitCodes.REJECTED_ROWS, r.exitCode(), r.err());
    assertTrue(r.err().contains("padded.jsonl:1: "), r.err());
    assertTrue(r.err().contains("the fields other than 'text' hold more than 16,384"), r.err());
    assertEquals("", r.out());
  }
}
