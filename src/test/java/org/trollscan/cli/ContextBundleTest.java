package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.model.BundleFiles;
import org.trollscan.model.BundleIO;
import org.trollscan.model.ContextModels;
import org.trollscan.model.Manifest;
import org.trollscan.model.ModelBundle;
import org.trollscan.model.TinyModels;

/** A bundle's context stage: written by train --thread-column, checksummed, range-checked. */
class ContextBundleTest {
  @TempDir Path dir;

  @Test
  void trainWithAThreadColumnWritesAContextStageThatLoads() {
    ModelBundle b = BundleIO.load(ContextModels.shared());
    assertTrue(b.hasContext());
    Manifest.Context c = b.manifest().context();
    assertEquals(BundleIO.CONTEXT_ENTRY, c.entry());
    assertEquals("thread_id", c.threadColumn());
    assertTrue(c.falseReportThreshold() > 0 && c.falseReportThreshold() < 1, c.toString());
    assertEquals(b.manifest().labels().stream().filter(l -> l.label().equals("false_report"))
        .findFirst().orElseThrow().threshold(), c.aloneFalseReportThreshold());
    assertTrue(c.crossValidation().get("auc")[0] > 0.8, c.toString());
    assertTrue(b.manifest().entries().stream()
        .anyMatch(e -> e.name().equals(BundleIO.CONTEXT_ENTRY)));
  }

  @Test
  void aBundleTrainedWithoutAThreadColumnHasNoContextStage() throws IOException {
    ModelBundle b = BundleIO.load(TinyModels.shared());
    assertNull(b.manifest().context());
    assertTrue(!b.hasContext());
    String manifest = new String(BundleFiles.get(BundleFiles.entries(TinyModels.shared()),
        "manifest.json"));
    assertTrue(!manifest.contains("\"context\""), manifest);
  }

  @Test
  void anEditedContextEntryIsRefusedWithExit4() throws IOException {
    List<BundleFiles.Entry> entries = BundleFiles.entries(ContextModels.shared());
    byte[] model = BundleFiles.get(entries, BundleIO.CONTEXT_ENTRY).clone();
    model[model.length - 3] ^= 0x01;
    Path bundle = BundleFiles.write(dir.resolve("edited.zip"),
        BundleFiles.replace(entries, BundleIO.CONTEXT_ENTRY, model));
    Cli.Result r = Cli.runWithStdin("done mine\n", "score", "--model", bundle.toString(),
        "--format", "text", "-");
    assertEquals(ExitCodes.MODEL, r.exitCode(), r.err());
    assertEquals("trollscan: " + bundle + ": entry '" + BundleIO.CONTEXT_ENTRY + "' does not"
        + " match its checksum: the file is corrupt or was modified\n", r.err());
    assertEquals("", r.out());
  }

  private static Cli.Result scoreWith(Path bundle) {
    return Cli.runWithStdin("done mine\n", "score", "--model", bundle.toString(), "--format",
        "text", "-");
  }

  @Test
  void anEmptyContextEntryResealedIsRefusedSayingSo() throws IOException {
    Path bundle = BundleFiles.write(dir.resolve("empty.zip"), BundleFiles.reseal(
        BundleFiles.replace(BundleFiles.entries(ContextModels.shared()), BundleIO.CONTEXT_ENTRY,
            new byte[0])));
    Cli.Result r = scoreWith(bundle);
    assertEquals(ExitCodes.MODEL, r.exitCode(), r.err());
    assertEquals("trollscan: " + bundle + ": entry '" + BundleIO.CONTEXT_ENTRY + "' is not a"
        + " valid context model: it is empty\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void aTruncatedContextEntryResealedIsRefusedSayingItEndsEarly() throws IOException {
    List<BundleFiles.Entry> entries = BundleFiles.entries(ContextModels.shared());
    byte[] model = BundleFiles.get(entries, BundleIO.CONTEXT_ENTRY);
    byte[] half = java.util.Arrays.copyOf(model, model.length / 2);
    Path bundle = BundleFiles.write(dir.resolve("truncated.zip"),
        BundleFiles.reseal(BundleFiles.replace(entries, BundleIO.CONTEXT_ENTRY, half)));
    Cli.Result r = scoreWith(bundle);
    assertEquals(ExitCodes.MODEL, r.exitCode(), r.err());
    assertEquals("trollscan: " + bundle + ": entry '" + BundleIO.CONTEXT_ENTRY + "' is not a"
        + " valid context model: it ends early, after " + half.length + " bytes (cut short?)\n",
        r.err());
    assertTrue(!r.err().contains("null"), r.err());
  }

  @Test
  void aLabelModelCopiedIntoTheHarassmentContextEntryIsRefusedEvenResealed()
      throws IOException {
    List<BundleFiles.Entry> entries = BundleFiles.entries(
        ContextModels.sharedWithHarassmentModel());
    Path bundle = BundleFiles.write(dir.resolve("label-as-context.zip"), BundleFiles.reseal(
        BundleFiles.replace(entries, BundleIO.CONTEXT_HARASSMENT_ENTRY,
            BundleFiles.get(entries, "false_report.maxent"))));
    Cli.Result r = scoreWith(bundle);
    assertEquals(ExitCodes.MODEL, r.exitCode(), r.err());
    assertTrue(r.err().startsWith("trollscan: " + bundle + ": entry '"
        + BundleIO.CONTEXT_HARASSMENT_ENTRY + "' is not a valid context model: not a context"
        + " model: "), r.err());
    assertTrue(r.err().contains(" predicates are not context features (such as '"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertEquals("", r.out());
  }

  @Test
  void aLabelModelCopiedIntoTheFalseReportContextEntryIsRefusedEvenResealed()
      throws IOException {
    List<BundleFiles.Entry> entries = BundleFiles.entries(ContextModels.shared());
    Path bundle = BundleFiles.write(dir.resolve("label-as-context-fr.zip"), BundleFiles.reseal(
        BundleFiles.replace(entries, BundleIO.CONTEXT_ENTRY,
            BundleFiles.get(entries, "harassment.maxent"))));
    Cli.Result r = scoreWith(bundle);
    assertEquals(ExitCodes.MODEL, r.exitCode(), r.err());
    assertTrue(r.err().contains("entry '" + BundleIO.CONTEXT_ENTRY + "' is not a valid context"
        + " model: not a context model: "), r.err());
  }

  @Test
  void aContextThresholdOutOfRangeIsRefusedEvenResealed() throws IOException {
    Path bundle = BundleFiles.write(dir.resolve("threshold.zip"), BundleFiles.editManifest(
        BundleFiles.entries(ContextModels.shared()),
        m -> ((ObjectNode) m.get("context")).put("falseReportThreshold", 2)));
    Cli.Result r = Cli.runWithStdin("done mine\n", "score", "--model", bundle.toString(),
        "--format", "text", "-");
    assertEquals(ExitCodes.MODEL, r.exitCode(), r.err());
    assertTrue(r.err().contains("invalid manifest.json: context.falseReportThreshold is 2;"
        + " allowed: a number from 0 to 1"), r.err());
  }

  @Test
  void theReplyCuesAreTheManifestsNotThisTrollscans() throws IOException {
    Path bundle = BundleFiles.write(dir.resolve("cues.zip"), BundleFiles.editManifest(
        BundleFiles.entries(ContextModels.shared()),
        m -> ((ObjectNode) m.get("context")).put("shortWords", 1).putArray("refersBack")
            .add("zzz")));
    ModelBundle original = BundleIO.load(ContextModels.shared());
    ModelBundle edited = BundleIO.load(bundle);
    assertEquals(List.of("zzz"), edited.manifest().context().refersBack());
    assertTrue(edited.manifest().context().replyCues().refersBack("zzz"));
    assertTrue(!edited.manifest().context().replyCues().refersBack("zzz ok"), "two words");
    // The same reply under the same opener: "zzz" now refers back as "done" did, and "done" is a
    // short reply only.
    var before = original.contextScorer(0);
    var after = edited.contextScorer(0);
    before.score("t", "ring social services on her", 0.9, 0.9);
    after.score("t", "ring social services on her", 0.9, 0.9);
    assertEquals(before.score("t", "done", 0.4, 0.4), after.score("t", "zzz", 0.4, 0.4));
    before.score("u", "ring social services on her", 0.9, 0.9);
    after.score("u", "ring social services on her", 0.9, 0.9);
    assertEquals(before.score("u", "lovely", 0.4, 0.4), after.score("u", "done", 0.4, 0.4));
  }

  @Test
  void aReplyCueThatIsNoWordIsRefusedEvenResealed() throws IOException {
    Path bundle = BundleFiles.write(dir.resolve("cues.zip"), BundleFiles.editManifest(
        BundleFiles.entries(ContextModels.shared()),
        m -> ((com.fasterxml.jackson.databind.node.ArrayNode) m.get("context")
            .get("refersBack")).add("me too")));
    Cli.Result r = Cli.runWithStdin("done mine\n", "score", "--model", bundle.toString(),
        "--format", "text", "-");
    assertEquals(ExitCodes.MODEL, r.exitCode(), r.err());
    assertTrue(r.err().contains("invalid manifest.json: context.refersBack[35] is 'me too';"
        + " allowed: a lower-case word of letters, digits, ' and +"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void aFileWithoutTheThreadColumnTrainsBesideThreadedOnesAsThreadsOfOnePost()
      throws IOException {
    Path tweets = dir.resolve("tweets.csv");
    java.nio.file.Files.write(tweets, java.nio.file.Files.readAllLines(TinyModels.writeCorpus(dir))
        .stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList());
    Path model = dir.resolve("mixed.zip");
    Cli.Result r = Cli.run("train", "--quiet", "--data", "samples/corpus/train-context.csv",
        tweets.toString(), "--thread-column", "thread_id", "--cv", "2", "--cv-repeats", "1",
        "--char-ngrams", "0", "-o", model.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    assertTrue(r.err().contains(tweets + " has no column thread_id: each of its posts is a"
        + " thread of its own"), r.err());
    assertTrue(r.err().contains("false_report in context: "), r.err());
    Manifest.Context c = BundleIO.load(model).manifest().context();
    // Counted from the file, not a constant: train-context.csv grows as threads are written.
    long contextRows;
    try (CSVParser rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
        .get().parse(Files.newBufferedReader(Path.of("samples/corpus/train-context.csv")))) {
      contextRows = rows.stream().count();
    }
    assertEquals(contextRows + TinyModels.ROWS.length, c.trainingRows());
  }

  @Test
  void aThreadColumnTheDataLacksIsAnInputError() {
    Cli.Result r = Cli.run("train", "--quiet", "--data", "samples/corpus/dev.csv",
        "--thread-column", "topic", "--cv", "2", "--cv-repeats", "1", "-o",
        dir.resolve("m.zip").toString());
    assertEquals(ExitCodes.INPUT, r.exitCode(), r.err());
    assertTrue(r.err().contains("samples/corpus/dev.csv") && r.err().contains(
        "--thread-column topic names no column; the columns are: id, text"), r.err());
    assertNotNull(r.err());
  }
}
