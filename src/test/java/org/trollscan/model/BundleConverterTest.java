package org.trollscan.model;

import org.trollscan.rules.Rules;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.features.Featurizer;
import org.trollscan.features.Pipeline;

/**
 * Format 1 bundles (written by trollscan before December 2026; one, trained by that version, is
 * in src/test/resources/model) convert without retraining to bundles that score exactly alike.
 */
class BundleConverterTest {
  static final Path FORMAT1 = Path.of("src/test/resources/model/format1-tiny.zip");
  @TempDir Path dir;

  @Test
  void aFormat1BundleConvertsWithoutRetrainingAndScoresExactlyAsItsOwnModelsDo()
      throws IOException {
    List<BundleFiles.Entry> old = BundleFiles.entries(FORMAT1);
    Map<String, Object> oldManifest = ManifestReader.parse(BundleFiles.get(old, BundleIO.MANIFEST));
    Path converted = dir.resolve("converted.zip");
    if (!Rules.fromClasspath().lexicons().fingerprint().equals(oldManifest.get("lexicon"))) {
      // After a lexicon change no old bundle can score as it did, converted or not.
      BundleException e = assertThrows(BundleException.class,
          () -> BundleConverter.convert(FORMAT1, converted));
      assertTrue(e.getMessage().contains("different cue lexicons"), e.getMessage());
      return;
    }
    Manifest m = BundleConverter.convert(FORMAT1, converted);
    assertEquals(Manifest.FORMAT_VERSION, m.formatVersion());
    assertEquals("format1-tiny", m.modelVersion());
    ModelBundle bundle = BundleIO.load(converted);
    List<BundleFiles.Entry> now = BundleFiles.entries(converted);
    OpenNlpReference before = new OpenNlpReferenceOfEntries(old);
    Featurizer featurizer = new Featurizer(bundle.manifest().features(), bundle.rules());
    Scorer scorer = new Scorer(bundle);
    for (Manifest.LabelEntry e : m.labels()) {
      // The very bytes OpenNLP wrote when the model was trained.
      assertArrayEquals(BundleFiles.get(old, e.entry()), BundleFiles.get(now, e.entry()));
      @SuppressWarnings("unchecked")
      Map<String, Object> oldLabel = ((List<Map<String, Object>>) oldManifest.get("labels"))
          .stream().filter(l -> l.get("label").equals(e.label())).findFirst().orElseThrow();
      assertEquals(((Number) oldLabel.get("threshold")).doubleValue(), e.threshold(), 0.0);
    }
    for (String[] row : TinyModels.ROWS) {
      var features = featurizer.featurize(row[0]);
      Map<Label, Double> p = scorer.score(row[0], false).probabilities();
      double h = before.probability(Label.HARASSMENT, features);
      double fr = before.probability(Label.FALSE_REPORT, features);
      assertEquals(fr, p.get(Label.FALSE_REPORT), 1e-9, row[0]);
      assertEquals(LabelImplication.harassment(h, fr,
          bundle.model(Label.FALSE_REPORT).threshold()), p.get(Label.HARASSMENT), 1e-9, row[0]);
    }
  }

  /**
   * A current bundle as format 2 wrote it: no rule entries and no pipeline, the cue lexicons'
   * fingerprint in {@code lexicon} instead; resealed.
   */
  static List<BundleFiles.Entry> asFormat2(List<BundleFiles.Entry> current, String lexicon)
      throws IOException {
    List<BundleFiles.Entry> out = new ArrayList<>(current);
    out.removeIf(e -> e.name().startsWith(Pipeline.RULES_FOLDER));
    return BundleFiles.editManifest(out, m -> {
      m.put("formatVersion", 2);
      m.remove("pipeline");
      m.put("lexicon", lexicon);
      ((com.fasterxml.jackson.databind.node.ArrayNode) m.get("entries"))
          .removeIf(e -> e.get("name").asText().startsWith(Pipeline.RULES_FOLDER));
    });
  }

  @Test
  void aFormat2BundleConvertsWithTheRuleFilesAddedItsModelsByteForByteAndItsScoresUnchanged()
      throws IOException {
    Path current = TinyModels.shared();
    List<BundleFiles.Entry> entries = BundleFiles.entries(current);
    Path old = BundleFiles.write(dir.resolve("format2.zip"),
        asFormat2(entries, Rules.fromClasspath().lexicons().fingerprint()));
    Path converted = dir.resolve("converted.zip");
    Manifest m = BundleConverter.convert(old, converted);
    assertEquals(BundleIO.load(current).manifest().pipeline(), m.pipeline());
    // A converted bundle records its step settings, at the values the old one was trained with.
    assertEquals(java.util.Map.of("maxTokens", 6), m.pipeline().annotators().get(4).settings());
    assertEquals(org.trollscan.rules.StepSettings.defaults(), m.pipeline().settings());
    List<BundleFiles.Entry> now = BundleFiles.entries(converted);
    for (String maxent : List.of("harassment.maxent", "false_report.maxent")) {
      assertArrayEquals(BundleFiles.get(entries, maxent), BundleFiles.get(now, maxent));
    }
    Scorer before = new Scorer(BundleIO.load(current));
    Scorer after = new Scorer(BundleIO.load(converted));
    for (String[] row : TinyModels.ROWS) {
      assertEquals(before.score(row[0], true), after.score(row[0], true), row[0]);
    }
  }

  @Test
  void aFormat2BundleTrainedWithOtherCueLexiconsIsNotConverted() throws IOException {
    Path old = BundleFiles.write(dir.resolve("other.zip"),
        asFormat2(BundleFiles.entries(TinyModels.shared()), "0".repeat(64)));
    BundleException e = assertThrows(BundleException.class,
        () -> BundleConverter.convert(old, dir.resolve("never.zip")));
    assertTrue(e.getMessage().contains("different cue lexicons"), e.getMessage());
    assertFalse(java.nio.file.Files.exists(dir.resolve("never.zip")));
  }

  /** {@link OpenNlpReference} over a format 1 bundle, which BundleIO no longer reads. */
  private static final class OpenNlpReferenceOfEntries extends OpenNlpReference {
    OpenNlpReferenceOfEntries(List<BundleFiles.Entry> entries) throws IOException {
      super(Map.of(Label.HARASSMENT, parse(BundleFiles.get(entries, "harassment.maxent")),
          Label.FALSE_REPORT, parse(BundleFiles.get(entries, "false_report.maxent"))));
    }
  }

  @Test
  void fieldsFormat1LeftOutReadAsFormat1ReadersReadThemAndFieldsTheyIgnoredAreDropped()
      throws IOException {
    List<BundleFiles.Entry> old = BundleFiles.entries(FORMAT1);
    String json = new String(BundleFiles.get(old, BundleIO.MANIFEST), StandardCharsets.UTF_8)
        .replace(",\n    \"thresholdRule\" : \"break-even\"", "")
        .replace("\"repeats\" : 1,", "")
        .replace(",\n  \"falseReportImpliesHarassment\" : true", ",\n  \"addedLater\" : [ 1 ]");
    assertFalse(json.contains("falseReportImpliesHarassment"), json);
    Map<String, byte[]> bundle = new java.util.HashMap<>();
    old.forEach(e -> bundle.put(e.name(), e.bytes()));
    Manifest m = ManifestReader.interpret(BundleConverter.upgrade(
        ManifestReader.parse(json.getBytes(StandardCharsets.UTF_8)), bundle, "old.zip"));
    assertEquals(TrainingSettings.MAX_F1, m.training().thresholdRule());
    assertEquals(1, m.training().repeats());
    assertFalse(m.falseReportImpliesHarassment());
    List<String> entries = new ArrayList<>(List.of("harassment.maxent", "false_report.maxent"));
    entries.addAll(Pipeline.ruleEntries());
    assertEquals(entries, m.entries().stream().map(Manifest.Entry::name).toList());
  }

  @Test
  void aCurrentBundleIsNotConverted() throws IOException {
    BundleException e = assertThrows(BundleException.class,
        () -> BundleConverter.convert(TinyModels.shared(), dir.resolve("again.zip")));
    assertTrue(e.getMessage().endsWith("model format 3, not 1 or 2: only format 1 and 2 bundles"
        + " are converted"), e.getMessage());
  }

  @Test
  void aFormat1BundleWithAModifiedModelIsNotConverted() throws IOException {
    List<BundleFiles.Entry> old = BundleFiles.entries(FORMAT1);
    byte[] model = BundleFiles.get(old, "false_report.maxent").clone();
    model[model.length - 1] ^= 1;
    Path tampered = BundleFiles.write(dir.resolve("tampered.zip"),
        BundleFiles.replace(old, "false_report.maxent", model));
    BundleException e = assertThrows(BundleException.class,
        () -> BundleConverter.convert(tampered, dir.resolve("out.zip")));
    assertEquals(tampered + ": entry false_report.maxent does not match its checksum: the file"
        + " is corrupt or was modified", e.getMessage());
  }

  @Test
  void aFormat1BundleWithAnEntryTwiceOrAnUnnamedEntryIsNotConverted() throws IOException {
    List<BundleFiles.Entry> old = BundleFiles.entries(FORMAT1);
    List<BundleFiles.Entry> twice = new ArrayList<>(old);
    twice.add(new BundleFiles.Entry("harassment.maxent", new byte[] {1}));
    Path dup = BundleFiles.write(dir.resolve("dup.zip"), twice);
    assertTrue(assertThrows(BundleException.class,
        () -> BundleConverter.convert(dup, dir.resolve("out.zip"))).getMessage()
        .endsWith("entry 'harassment.maxent' appears twice: the file is corrupt or was modified"));
    List<BundleFiles.Entry> extra = new ArrayList<>(old);
    extra.add(new BundleFiles.Entry("notes.txt", new byte[] {1}));
    Path more = BundleFiles.write(dir.resolve("extra.zip"), extra);
    assertTrue(assertThrows(BundleException.class,
        () -> BundleConverter.convert(more, dir.resolve("out.zip"))).getMessage()
        .endsWith("entry 'notes.txt' is not named by the manifest: the file is corrupt or was"
            + " modified"));
  }
}
