package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trollscan.model.BundleConverter;
import org.trollscan.model.BundleFiles;
import org.trollscan.model.BundleFiles.Entry;
import org.trollscan.model.TinyModels;

/**
 * A model bundle is either exactly what was trained or refused: each way of tampering with one,
 * through {@code trollscan score --model X.zip}, exits 4 with one line naming the bundle and what
 * is wrong, and writes no scores.
 */
class ModelTamperTest {
  @TempDir static Path dir;
  static List<Entry> trained;

  @BeforeAll
  static void train() throws IOException {
    trained = BundleFiles.entries(TinyModels.shared());
  }

  private interface Tamper {
    List<Entry> apply(List<Entry> entries) throws IOException;
  }

  private static Arguments tamper(String what, String message, Tamper tamper) {
    return Arguments.of(what, message, tamper);
  }

  private static Tamper manifest(UnaryOperator<String> edit) {
    return entries -> BundleFiles.replace(entries, "manifest.json",
        edit.apply(new String(BundleFiles.get(entries, "manifest.json"))).getBytes());
  }

  private static Tamper resealed(java.util.function.Consumer<ObjectNode> edit) {
    return entries -> BundleFiles.editManifest(entries, edit);
  }

  private static ObjectNode features(ObjectNode m) {
    return (ObjectNode) m.get("features");
  }

  static Stream<Arguments> tampered() {
    return Stream.of(
        tamper("a threshold edited", "manifest.json does not match its checksum in"
            + " manifest.sha256: the file is corrupt or was modified",
            manifest(m -> m.replaceFirst("\"threshold\" : [0-9.E-]+", "\"threshold\" : 1.5"))),
        tamper("another tokenizer", "manifest.json does not match its checksum in manifest.sha256",
            manifest(m -> m.replace("\"forum\"", "\"ud\""))),
        tamper("a step setting edited", "manifest.json does not match its checksum in"
            + " manifest.sha256: the file is corrupt or was modified",
            manifest(m -> {
              assertTrue(m.contains("\"maxTokens\" : 6"), m);
              return m.replaceFirst("\"maxTokens\" : 6", "\"maxTokens\" : 1");
            })),
        tamper("a step setting out of range, resealed", "invalid manifest.json:"
            + " pipeline.annotators[4].settings.maxTokens is 0; allowed: a whole number from 1"
            + " to 50",
            resealed(m -> ((ObjectNode) m.get("pipeline").get("annotators").get(4)
                .get("settings")).put("maxTokens", 0))),
        tamper("an unknown step setting, resealed", "invalid manifest.json:"
            + " pipeline.evidence.settings.phrazes: 'phrazes' is no setting of the evidence stage"
            + " 'evidence'; its settings: phrases, maxTokens, minShareOfTop",
            resealed(m -> ((ObjectNode) m.get("pipeline").get("evidence").get("settings"))
                .put("phrazes", 2))),
        tamper("a threshold of 1.5, resealed", "invalid manifest.json: labels[0].threshold is"
            + " 1.5; allowed: a number from 0 to 1",
            resealed(m -> ((ObjectNode) m.get("labels").get(0)).put("threshold", 1.5))),
        tamper("a threshold of -1, resealed", "invalid manifest.json: labels[0].threshold is -1;"
            + " allowed: a number from 0 to 1",
            resealed(m -> ((ObjectNode) m.get("labels").get(0)).put("threshold", -1))),
        tamper("charNgramMax 2,000,000,000, resealed", "invalid manifest.json:"
            + " features.charNgramMax is 2000000000; allowed: a whole number from 0 to 10",
            resealed(m -> features(m).put("charNgramMax", 2_000_000_000))),
        tamper("charNgramMin over charNgramMax, resealed", "invalid manifest.json:"
            + " features.charNgramMin is 5; allowed: a whole number from 1 to 4 (1 to"
            + " features.charNgramMax)",
            resealed(m -> features(m).put("charNgramMin", 5))),
        tamper("no tokenizer, resealed", "invalid manifest.json: features.tokenizer is missing;"
            + " allowed: forum, ud",
            resealed(m -> features(m).remove("tokenizer"))),
        tamper("a maxent entry edited", "entry 'harassment.maxent' does not match its checksum:"
            + " the file is corrupt or was modified",
            entries -> {
              byte[] model = BundleFiles.get(entries, "harassment.maxent").clone();
              model[model.length - 1] ^= 1;
              return BundleFiles.replace(entries, "harassment.maxent", model);
            }),
        tamper("a rule entry edited", "entry 'rules/cues.txt' does not match its checksum: the"
            + " file is corrupt or was modified",
            entries -> BundleFiles.replace(entries, "rules/cues.txt", new String(
                BundleFiles.get(entries, "rules/cues.txt")).replace("\nreported\n", "\nrepaired\n")
                .getBytes())),
        tamper("a word list edited", "entry 'rules/function-words.txt' does not match its"
            + " checksum",
            entries -> BundleFiles.replace(entries, "rules/function-words.txt", new String(
                BundleFiles.get(entries, "rules/function-words.txt")).replace("\nthe\n", "\nshe\n")
                .getBytes())),
        tamper("a rule entry added, listed and resealed", "invalid manifest.json: entries[33]"
            + " 'rules/extra.txt' is used by no label and is no rule file",
            entries -> {
              List<Entry> out = new ArrayList<>(entries);
              out.add(new Entry("rules/extra.txt", "ring\n".getBytes()));
              return BundleFiles.editManifest(out, m -> ((com.fasterxml.jackson.databind.node
                  .ArrayNode) m.get("entries")).addObject().put("name", "rules/extra.txt")
                  .put("sha256", "0".repeat(64)).put("bytes", 5));
            }),
        tamper("a rule entry removed, resealed", "invalid manifest.json: entries lists no"
            + " 'rules/it-is.txt'",
            entries -> {
              List<Entry> out = new ArrayList<>(entries);
              out.removeIf(e -> e.name().equals("rules/it-is.txt"));
              return BundleFiles.editManifest(out, m -> ((com.fasterxml.jackson.databind.node
                  .ArrayNode) m.get("entries")).removeIf(e -> e.get("name").asText()
                  .equals("rules/it-is.txt")));
            }),
        tamper("an unclosed group in the cue lexicon, resealed", "entry 'rules/cues.txt' line 9:"
            + " no ) after ( in: call* (her",
            entries -> BundleFiles.reseal(BundleFiles.replace(entries, "rules/cues.txt",
                ("# a lexicon\n\n\n\n\n\n\n[report_verb]\ncall* (her\n"
                    + new String(BundleFiles.get(entries, "rules/cues.txt"))).getBytes()))),
        tamper("two words on a line of a word list, resealed", "entry"
            + " 'rules/function-words.txt' line 2: 'and or' is more than one word; a word list"
            + " holds one word per line",
            entries -> BundleFiles.reseal(BundleFiles.replace(entries, "rules/function-words.txt",
                "the\nand or\n".getBytes()))),
        tamper("a cue pair naming no cue, resealed", "entry 'rules/cue-pairs.txt' line 1:"
            + " 'reprot_verb' is no cue of cues.txt",
            entries -> BundleFiles.reseal(BundleFiles.replace(entries, "rules/cue-pairs.txt",
                "reprot_verb authority\n".getBytes()))),
        tamper("a rule file that is not UTF-8, resealed", "entry 'rules/agreement.txt': not"
            + " UTF-8 text",
            entries -> BundleFiles.reseal(BundleFiles.replace(entries, "rules/agreement.txt",
                new byte[] {'t', 'h', 'i', 's', '\n', (byte) 0xC3, '\n'}))),
        tamper("another pipeline recorded, resealed", "invalid manifest.json: pipeline is not the"
            + " one this trollscan runs for these features",
            resealed(m -> ((ObjectNode) m.get("pipeline").get("normalization").get(0))
                .put("name", "lower-case"))),
        tamper("an entry added", "entry 'rules.txt' is not listed in the manifest: the file is"
            + " corrupt or was modified",
            entries -> {
              List<Entry> out = new ArrayList<>(entries);
              out.add(new Entry("rules.txt", "ring\n".getBytes()));
              return out;
            }),
        tamper("an entry twice", "entry 'false_report.maxent' appears twice: the file is corrupt"
            + " or was modified",
            entries -> {
              List<Entry> out = new ArrayList<>(entries);
              out.add(new Entry("false_report.maxent",
                  BundleFiles.get(entries, "false_report.maxent")));
              return out;
            }),
        tamper("an entry removed", "entry 'false_report.maxent' is missing",
            entries -> {
              List<Entry> out = new ArrayList<>(entries);
              out.removeIf(e -> e.name().equals("false_report.maxent"));
              return out;
            }),
        tamper("the manifest's checksum removed", "manifest.sha256 is missing (it must follow"
            + " manifest.json): the file is corrupt or was modified",
            entries -> {
              List<Entry> out = new ArrayList<>(entries);
              out.removeIf(e -> e.name().equals("manifest.sha256"));
              return out;
            }),
        tamper("a bomb in place of a model", "entry 'harassment.maxent' is longer than the",
            entries -> {
              List<Entry> out = new ArrayList<>(entries);
              out.set(2, Entry.bomb("harassment.maxent", 64L << 20));
              return out;
            }),
        tamper("2^31-1 predicates declared, resealed", "harassment.maxent: cannot parse the"
            + " maxent model: it declares 2147483647 predicates; allowed: at most 1000000",
            entries -> BundleFiles.reseal(BundleFiles.replace(entries, "harassment.maxent",
                BundleFiles.maxentDeclaring(Integer.MAX_VALUE)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tampered")
  void aTamperedBundleIsRefusedWithExit4AndOneLineNamingItAndTheFault(String what,
      String message, Tamper tamper) throws IOException {
    Path bundle = BundleFiles.write(dir.resolve(what.replaceAll("[^a-z0-9]+", "-") + ".zip"),
        tamper.apply(trained));
    Cli.Result r = Cli.runWithStdin("ring social services on her\n", "score", "--model",
        bundle.toString(), "--format", "text", "-");
    assertEquals(ExitCodes.MODEL, r.exitCode(), r.err());
    assertTrue(r.err().startsWith("trollscan: " + bundle), r.err());
    assertTrue(r.err().contains(message), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertEquals("", r.out());
  }

  @Test
  void theUntamperedBundleScores() throws IOException {
    Cli.Result r = Cli.runWithStdin("ring social services on her\n", "score", "--model",
        TinyModels.shared().toString(), "--format", "text", "-");
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
  }

  @Test
  void aFormat1BundleIsRefusedWithHowToConvertItOrRetrain() {
    Cli.Result r = Cli.run("score", "--model", "src/test/resources/model/format1-tiny.zip",
        "samples/posts.txt");
    assertEquals(ExitCodes.MODEL, r.exitCode(), r.err());
    assertEquals("trollscan: src/test/resources/model/format1-tiny.zip: model format 1 does not"
        + " checksum its manifest, so this trollscan cannot tell whether its thresholds and"
        + " settings are the ones it was trained with; retrain it with 'trollscan train', or, if"
        + " you trust the file, convert it: java -cp trollscan-cli.jar"
        + " org.trollscan.model.BundleConverter src/test/resources/model/format1-tiny.zip"
        + " NEW.zip (see docs/model-bundle.md)\n", r.err());
    assertEquals("", r.out());
  }

  /**
   * What trollscan printed for these posts with the format 1 bundle before format 2 existed
   * (commit bdb5bf1), and prints now with the converted bundle.
   */
  @Test
  void theConvertedFormat1BundleScoresAsTheOldTrollscanDid() {
    Path converted = dir.resolve("converted.zip");
    BundleConverter.convert(Path.of("src/test/resources/model/format1-tiny.zip"), converted);
    Cli.Result r = Cli.runWithStdin("ring social services on her\nthe weather is lovely today\n"
        + "you absolute moron, report her to the council\n", "score", "--model",
        converted.toString(), "--format", "text", "-");
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    // The numbers as then; the evidence in the columns of issue 27 (then: "harassment: on her |
    // ring; false_report: ring social services on her").
    assertEquals(List.of("id,harassment,false_report,flagged,harassment_evidence,"
            + "false_report_evidence",
        "1,0.950764,0.937204,harassment;false_report,\"[\"\"on her\"\",\"\"ring\"\"]\","
            + "\"[\"\"ring social services on her\"\"]\"",
        "2,0.044746,0.016630,,[],[]",
        "3,0.981638,0.649307,harassment;false_report,\"[\"\"you absolute moron, report her\"\"]\","
            + "\"[\"\"report her to the council\"\"]\""), r.out().lines().toList());
    assertFalse(r.err().contains("Exception"), r.err());
  }
}
