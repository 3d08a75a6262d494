package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.model.TinyModels;

/**
 * The provenance sidecar of {@code score}: beside {@code -o OUT} or at {@code --meta FILE},
 * complete only when the output is; end to end. (None beside a device: OutputTargetsTest's
 * fake /dev/null leaves its folder as it was.)
 */
class ScoreMetaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static String model;
  @TempDir Path dir;

  @BeforeAll
  static void trainTinyModel() throws IOException {
    model = TinyModels.shared().toString();
  }

  private Path file(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(Files.readAllBytes(file)));
  }

  @Test
  void theSidecarBesideTheOutputRecordsModelChecksumThresholdsCommandInputsAndColumns()
      throws Exception {
    Path one = file("one.csv", "id,text\n1,lovely day\n2,a,b\n\n3,ring social services on her\n");
    Path two = file("two.jsonl", "{\"id\":\"a\",\"text\":\"nice cake\"}\n");
    Path out = dir.resolve("scored.csv");
    Instant before = Instant.now();
    String[] args = {"score", "--model", model, "--threshold", "false_report=0.25", "-o",
        out.toString(), one.toString(), two.toString()};
    Cli.Result r = Cli.run(args);
    assertEquals(ExitCodes.REJECTED_ROWS, r.exitCode(), r.err());
    JsonNode meta = JSON.readTree(dir.resolve("scored.csv.meta.json").toFile());

    assertEquals("trollscan-score-meta/1", meta.get("schema").asText());
    assertEquals(List.of(args), JSON.convertValue(meta.get("command_line"), List.class));
    assertEquals(sha256(Path.of(model)), meta.at("/model/sha256").asText());
    assertEquals(model, meta.at("/model/file").asText());
    assertFalse(meta.at("/model/version").asText().isEmpty());
    assertEquals(0.25, meta.at("/model/thresholds/false_report").asDouble());
    assertTrue(meta.at("/model/thresholds/harassment").isNumber(), meta.toString());
    assertEquals(org.trollscan.ToolVersion.get(), meta.get("tool_version").asText());
    assertEquals(6, meta.get("exit_code").asInt());

    String header = Files.readString(out).lines().findFirst().orElseThrow();
    assertEquals(List.of(header.split(",")),
        JSON.convertValue(meta.at("/output/columns"), List.class));
    assertEquals("csv", meta.at("/output/format").asText());
    assertEquals(out.toString(), meta.at("/output/file").asText());

    JsonNode first = meta.get("inputs").get(0);
    assertEquals(one.toString(), first.get("name").asText());
    assertEquals(3, first.get("rows").asLong());
    assertEquals(2, first.get("scored").asLong());
    assertEquals(1, first.get("rejected").asLong());
    assertEquals(1, first.get("blank_lines").asLong());
    JsonNode second = meta.get("inputs").get(1);
    assertEquals(two.toString(), second.get("name").asText());
    assertEquals(1, second.get("rows").asLong());
    assertEquals(4, meta.at("/totals/rows").asLong());
    assertEquals(3, meta.at("/totals/written").asLong());

    Instant started = Instant.parse(meta.get("started").asText());
    Instant finished = Instant.parse(meta.get("finished").asText());
    assertFalse(started.isBefore(before.minusSeconds(1)), started.toString());
    assertFalse(finished.isBefore(started));
  }

  @Test
  void theStderrSummaryNamesTheModelVersion() throws IOException {
    Path one = file("one.csv", "id,text\n1,lovely day\n");
    Cli.Result r = Cli.run("score", "--model", model, one.toString());
    String version = org.trollscan.model.BundleIO.load(Path.of(model)).manifest()
        .modelVersion();
    assertFalse(version.isEmpty());
    assertTrue(r.err().contains("trollscan: model " + version + ": 1 rows read"), r.err());
  }

  @Test
  void metaNamesTheSidecarAlsoWhenTheScoresGoToStandardOutput() throws IOException {
    Path one = file("one.csv", "id,text\n1,lovely day\n");
    Path meta = dir.resolve("run.json");
    Cli.Result r = Cli.run("score", "--model", model, "--meta", meta.toString(), one.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("id,harassment"), r.out());
    assertEquals("-", JSON.readTree(meta.toFile()).at("/output/file").asText());
  }

  @Test
  void aRunThatFailsLeavesNoSidecarAndAnOldOneStaysWithItsOutput() throws IOException {
    Path one = file("one.csv", "id,text\n1,lovely day\n2,a,b\n");
    Path out = dir.resolve("scored.csv");
    Cli.Result r = Cli.run("score", "--model", model, "--strict", "-o", out.toString(),
        one.toString());
    assertEquals(ExitCodes.INPUT, r.exitCode(), r.err());
    assertFalse(Files.exists(out));
    assertFalse(Files.exists(dir.resolve("scored.csv.meta.json")));

    Files.writeString(out, "old");
    Files.writeString(dir.resolve("scored.csv.meta.json"), "old meta");
    Cli.run("score", "--model", model, "--strict", "-o", out.toString(), one.toString());
    assertEquals("old", Files.readString(out));
    assertEquals("old meta", Files.readString(dir.resolve("scored.csv.meta.json")));
  }

  @Test
  void noMetaWritesNoSidecarAndMetaDashNeedsStandardOutputFree() throws IOException {
    Path one = file("one.csv", "id,text\n1,lovely day\n");
    Path out = dir.resolve("quiet.csv");
    Cli.Result none = Cli.run("score", "--model", model, "--no-meta", "-o", out.toString(),
        one.toString());
    assertEquals(0, none.exitCode(), none.err());
    assertTrue(Files.exists(out));
    assertFalse(Files.exists(dir.resolve("quiet.csv.meta.json")));

    Cli.Result both = Cli.run("score", "--model", model, "--meta", "-", one.toString());
    assertEquals(ExitCodes.USAGE, both.exitCode(), both.err());
    assertEquals("", both.out());

    Cli.Result toStdout = Cli.run("score", "--model", model, "--meta", "-", "-o",
        out.toString(), one.toString());
    assertEquals(0, toStdout.exitCode(), toStdout.err());
    assertEquals("trollscan-score-meta/1", JSON.readTree(toStdout.out()).get("schema").asText());
  }

  @Test
  void aSidecarNamedAsTheOutputIsAUsageErrorAndNothingIsWritten() throws IOException {
    Path one = file("one.csv", "id,text\n1,lovely day\n");
    Path out = dir.resolve("same.csv");
    Cli.Result r = Cli.run("score", "--model", model, "-o", out.toString(), "--meta",
        dir.resolve(".").resolve("same.csv").toString(), one.toString());
    assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
    assertTrue(r.err().contains("names the same file as -o"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void theShippedModelIsRecordedWithTheChecksumOfItsBundleFile() throws Exception {
    Path one = file("one.csv", "id,text\n1,lovely day\n");
    Path meta = dir.resolve("shipped.json");
    List<String> args = new ArrayList<>(List.of("score", "--meta", meta.toString(), "--quiet",
        one.toString()));
    Cli.Result r = Cli.run(args.toArray(new String[0]));
    assertEquals(0, r.exitCode(), r.err());
    JsonNode m = JSON.readTree(meta.toFile());
    assertTrue(m.at("/model/file").isNull(), m.toString());
    assertEquals(sha256(Path.of("models/trollscan-default.zip")), m.at("/model/sha256").asText());
  }
}
