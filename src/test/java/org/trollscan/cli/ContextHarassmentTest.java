package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.context.ContextFeatures;
import org.trollscan.context.ContextScorer;
import org.trollscan.context.HarassmentRule;
import org.trollscan.context.ThreadState;
import org.trollscan.model.BundleFiles;
import org.trollscan.model.BundleIO;
import org.trollscan.model.ContextModels;
import org.trollscan.model.Manifest;
import org.trollscan.model.ModelBundle;

/**
 * {@code train --context-harassment model}: a harassment context model of its own, carried and
 * checked in the bundle and used for harassment in context; {@code implied} (the default) keeps
 * the bundle and the scores as before.
 */
class ContextHarassmentTest {
  @TempDir Path dir;

  private static final String OPENER = "The school fair needs cake donations this Saturday,"
      + " bring what you can to the hall";
  private static final String CAMPAIGN = "Everyone report her page to Facebook for fraud and"
      + " say she scams people so they take it down";

  @Test
  void aBundleTrainedWithTheModelRuleCarriesTheHarassmentContextEntry() throws IOException {
    ModelBundle b = BundleIO.load(ContextModels.sharedWithHarassmentModel());
    Manifest.Context c = b.manifest().context();
    assertEquals(BundleIO.CONTEXT_HARASSMENT_ENTRY, c.harassmentEntry());
    assertEquals(HarassmentRule.MODEL, c.harassmentRule());
    assertNotNull(b.contextHarassment());
    assertTrue(b.manifest().entries().stream()
        .anyMatch(e -> e.name().equals(BundleIO.CONTEXT_HARASSMENT_ENTRY)));
    assertTrue(c.thresholdRule().contains("harassment context model"), c.thresholdRule());
    String manifest = new String(BundleFiles.get(BundleFiles.entries(
        ContextModels.sharedWithHarassmentModel()), "manifest.json"));
    assertTrue(manifest.contains("\"harassmentEntry\" : \"context-harassment.maxent\""),
        manifest);
  }

  @Test
  void anImpliedBundleHasNoHarassmentEntryAndItsManifestHasNoSuchField() throws IOException {
    ModelBundle b = BundleIO.load(ContextModels.shared());
    assertNull(b.manifest().context().harassmentEntry());
    assertEquals(HarassmentRule.IMPLIED, b.manifest().context().harassmentRule());
    assertNull(b.contextHarassment());
    assertFalse(b.manifest().entries().stream()
        .anyMatch(e -> e.name().equals(BundleIO.CONTEXT_HARASSMENT_ENTRY)));
    String manifest = new String(BundleFiles.get(BundleFiles.entries(ContextModels.shared()),
        "manifest.json"));
    assertFalse(manifest.contains("harassmentEntry"), manifest);
  }

  @Test
  void theTwoRulesShareEverythingButHarassmentInContext() {
    ModelBundle implied = BundleIO.load(ContextModels.shared());
    ModelBundle model = BundleIO.load(ContextModels.sharedWithHarassmentModel());
    Manifest.Context i = implied.manifest().context();
    Manifest.Context m = model.manifest().context();
    assertEquals(i.falseReportThreshold(), m.falseReportThreshold());
    assertEquals(i.trainingRows(), m.trainingRows());
    ContextScorer a = implied.contextScorer(0);
    ContextScorer b = model.contextScorer(0);
    ContextScorer.Scores ia = a.score("t", CAMPAIGN, 0.9, 0.9);
    ContextScorer.Scores mb = b.score("t", CAMPAIGN, 0.9, 0.9);
    assertEquals(ia.falseReport(), mb.falseReport());
    assertEquals(a.score("t", "done mine", 0.3, 0.3).falseReport(),
        b.score("t", "done mine", 0.3, 0.3).falseReport());
  }

  @Test
  void harassmentInContextComesFromTheModelUnderAHarmlessOpenerAndIsRaisedWhereFlagged() {
    ModelBundle implied = BundleIO.load(ContextModels.shared());
    ModelBundle model = BundleIO.load(ContextModels.sharedWithHarassmentModel());
    Manifest.Context c = model.manifest().context();
    // A short reply that the post-alone harassment model flags (0.8), under a harmless opener.
    double openerFr = 0.05;
    double openerH = 0.05;
    double replyFr = 0.2;
    double replyH = 0.8;
    ContextScorer a = implied.contextScorer(0);
    ContextScorer b = model.contextScorer(0);
    a.score("fair", OPENER, openerFr, openerH);
    b.score("fair", OPENER, openerFr, openerH);
    ContextScorer.Scores byImplication = a.score("fair", "done mine", replyFr, replyH);
    ContextScorer.Scores byModel = b.score("fair", "done mine", replyFr, replyH);
    ThreadState before = ThreadState.EMPTY.after(openerFr, openerH,
        openerFr >= c.aloneFalseReportThreshold());
    double own = model.contextHarassment().probability(ContextFeatures.of(c.replyCues(),
        "done mine", replyFr, replyH, before));
    assertFalse(byImplication.falseReportFlagged(), byImplication.toString());
    assertEquals(replyH, byImplication.harassment(), "implied: the post-alone score");
    assertEquals(own, byModel.harassment(), 1e-12);
    assertNotEquals(byImplication.harassment(), byModel.harassment());
    assertTrue(byModel.harassment() < replyH, "context lowers it: " + byModel);

    // Under a campaign the reply's false_report is flagged in context: max(model, false_report).
    b.score("camp", CAMPAIGN, 0.95, 0.95);
    ContextScorer.Scores joined = b.score("camp", "done mine", 0.9, 0.1);
    assertTrue(joined.falseReportFlagged(), joined.toString());
    ThreadState campaign = ThreadState.EMPTY.after(0.95, 0.95,
        0.95 >= c.aloneFalseReportThreshold());
    double ownThere = model.contextHarassment().probability(ContextFeatures.of(c.replyCues(),
        "done mine", 0.9, 0.1, campaign));
    assertEquals(Math.max(ownThere, joined.falseReport()), joined.harassment(), 1e-12);
    assertEquals(joined.harassment() >= c.harassmentThreshold(), joined.harassmentFlagged());
  }

  @Test
  void scoreWithThreadsUsesTheHarassmentContextModel() throws IOException {
    Path in = dir.resolve("in.csv");
    Files.writeString(in, "id,thread_id,text\nh1,fair,\"" + OPENER + "\"\nh2,fair,done mine\n");
    Map<String, CSVRecord> implied = scored(ContextModels.shared(), in);
    Map<String, CSVRecord> model = scored(ContextModels.sharedWithHarassmentModel(), in);
    CSVRecord i = implied.get("h2");
    CSVRecord m = model.get("h2");
    assertEquals(i.get("harassment_alone"), m.get("harassment_alone"));
    assertEquals(i.get("false_report"), m.get("false_report"));
    assertEquals(i.get("harassment_alone"), i.get("harassment"), "implied, not flagged");
    assertNotEquals(m.get("harassment_alone"), m.get("harassment"));
  }

  private Map<String, CSVRecord> scored(Path bundle, Path in) throws IOException {
    Cli.Result r = Cli.run("score", "--model", bundle.toString(), "--no-meta",
        "--thread-column", "thread_id", in.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    Map<String, CSVRecord> byId = new HashMap<>();
    CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(new StringReader(r.out())).forEach(row -> byId.put(row.get("id"), row));
    return byId;
  }

  @Test
  void anEditedHarassmentContextEntryIsRefusedWithExit4() throws IOException {
    Path trained = ContextModels.sharedWithHarassmentModel();
    List<BundleFiles.Entry> entries = BundleFiles.entries(trained);
    byte[] model = BundleFiles.get(entries, BundleIO.CONTEXT_HARASSMENT_ENTRY).clone();
    model[model.length - 3] ^= 0x01;
    Path bundle = BundleFiles.write(dir.resolve("edited.zip"),
        BundleFiles.replace(entries, BundleIO.CONTEXT_HARASSMENT_ENTRY, model));
    Cli.Result r = Cli.runWithStdin("done mine\n", "score", "--model", bundle.toString(),
        "--format", "text", "-");
    assertEquals(ExitCodes.MODEL, r.exitCode(), r.err());
    assertEquals("trollscan: " + bundle + ": entry '" + BundleIO.CONTEXT_HARASSMENT_ENTRY
        + "' does not match its checksum: the file is corrupt or was modified\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void aHarassmentEntryThatIsNotListedIsRefusedEvenResealed() throws IOException {
    assertRefused(ContextModels.shared(), "context-nothing.maxent",
        "context.harassmentEntry 'context-nothing.maxent' is not listed in entries");
  }

  @Test
  void aHarassmentEntryThatIsTheFalseReportContextEntryIsRefused() throws IOException {
    assertRefused(ContextModels.shared(), BundleIO.CONTEXT_ENTRY, "context.harassmentEntry '"
        + BundleIO.CONTEXT_ENTRY + "' is a rule entry, the model of a label or context.entry");
  }

  @Test
  void aHarassmentEntryThatIsALabelsModelIsRefused() throws IOException {
    assertRefused(ContextModels.sharedWithHarassmentModel(), "harassment.maxent",
        "context.harassmentEntry 'harassment.maxent' is a rule entry, the model of a label or"
            + " context.entry");
  }

  @Test
  void aNullHarassmentEntryLoadsAsImplied() throws IOException {
    Path bundle = BundleFiles.write(dir.resolve("null.zip"), BundleFiles.editManifest(
        BundleFiles.entries(ContextModels.shared()),
        m -> ((ObjectNode) m.get("context")).putNull("harassmentEntry")));
    ModelBundle b = BundleIO.load(bundle);
    assertEquals(HarassmentRule.IMPLIED, b.manifest().context().harassmentRule());
    assertNull(b.contextHarassment());
  }

  private void assertRefused(Path trained, String entry, String message) throws IOException {
    Path bundle = BundleFiles.write(dir.resolve("entry.zip"), BundleFiles.editManifest(
        BundleFiles.entries(trained),
        m -> ((ObjectNode) m.get("context")).put("harassmentEntry", entry)));
    Cli.Result r = Cli.runWithStdin("done mine\n", "score", "--model", bundle.toString(),
        "--format", "text", "-");
    assertEquals(ExitCodes.MODEL, r.exitCode(), r.err());
    assertTrue(r.err().contains("invalid manifest.json: " + message), r.err());
    assertEquals("", r.out());
  }

  @Test
  void aBadContextHarassmentValueIsAUsageErrorNamingIt() {
    Cli.Result r = Cli.run("train", "--quiet", "--data", "samples/corpus/train-context.csv",
        "--thread-column", "thread_id", "--context-harassment", "own", "-o",
        dir.resolve("m.zip").toString());
    assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
    assertTrue(r.err().contains("--context-harassment must be implied or model, not 'own'"),
        r.err());
    assertFalse(Files.exists(dir.resolve("m.zip")));
  }

  @Test
  void contextHarassmentWithoutAThreadColumnIsAUsageError() {
    Cli.Result r = Cli.run("train", "--quiet", "--data", "samples/corpus/train-context.csv",
        "--context-harassment", "model", "-o", dir.resolve("m.zip").toString());
    assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
    assertTrue(r.err().contains("--context-harassment needs --thread-column"), r.err());
    assertFalse(Files.exists(dir.resolve("m.zip")));
  }

  @Test
  void trainingPrintsHarassmentInContextUnderBothRules() {
    Path model = dir.resolve("m.zip");
    Cli.Result r = Cli.run("train", "--quiet", "--data", "samples/corpus/train-context.csv",
        "--thread-column", "thread_id", "--context-harassment", "model", "--cv", "2",
        "--cv-repeats", "1", "--char-ngrams", "0", "-o", model.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    assertTrue(r.err().contains("harassment in context (model) threshold"), r.err());
    assertTrue(r.err().contains("harassment in context, out of fold on "), r.err());
    assertTrue(r.err().matches("(?s).*\n  post-alone +auc \\d\\.\\d{4} ± \\d\\.\\d{4}\n.*"),
        r.err());
    assertTrue(r.err().matches("(?s).*\n  implied +auc \\d\\.\\d{4} ± \\d\\.\\d{4}  f1 \\d\\.\\d{4}"
        + " ± \\d\\.\\d{4} at threshold \\d\\.\\d{4}\n.*"), r.err());
    assertTrue(r.err().matches("(?s).*\n  model +auc \\d\\.\\d{4} ± \\d\\.\\d{4}  f1 \\d\\.\\d{4}"
        + " ± \\d\\.\\d{4} at threshold \\d\\.\\d{4}\n.*"), r.err());
    assertNotNull(BundleIO.load(model).contextHarassment());
  }
}
