package org.trollscan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trollscan.text.FeatureSettings;

class ManifestReaderTest {
  private static final ObjectMapper DATA_BINDING = new ObjectMapper();

  private static Manifest sample(Double targetPrecision) {
    Map<String, double[]> cv = new LinkedHashMap<>();
    cv.put("auc", new double[] {0.9243260422, 0.0147});
    cv.put("f1", new double[] {0.836, 0.029});
    return new Manifest(1, "2026.11.29-4", "0.1.0", "2026-11-29T02:59:52Z",
        new FeatureSettings("forum", 1, 3, 4, true, false), "045aa43d",
        new TrainingSettings("QN", 300, 2, 0.0, 0.3, 5, 3, 20261128L, targetPrecision, TrainingSettings.BREAK_EVEN, 2),
        List.of(new Manifest.DataFile("samples/corpus/train.csv", 2023, "8164de4a"),
            new Manifest.DataFile("../shared/corpora/olid/train.csv", 13240, "4674feda")),
        List.of(new Manifest.LabelEntry("harassment", "harassment.maxent", "d1ea9d73",
            0.4233462380629555, "max out-of-fold F1", 15578, 3470, cv)), true);
  }

  /** Compares two manifests field by field (records compare double[] by identity). */
  private static void assertSame(Manifest expected, Manifest actual) throws IOException {
    assertEquals(DATA_BINDING.writeValueAsString(expected),
        DATA_BINDING.writeValueAsString(actual));
    assertArrayEquals(expected.labels().get(0).crossValidation().get("auc"),
        actual.labels().get(0).crossValidation().get("auc"));
  }

  @Test
  void readsWhatDataBindingWritesFieldForField() throws IOException {
    for (Double precision : new Double[] {null, 0.9}) {
      Manifest written = sample(precision);
      byte[] json = DATA_BINDING.writerWithDefaultPrettyPrinter().writeValueAsBytes(written);
      assertSame(written, ManifestReader.read(json));
    }
  }

  @Test
  void readsTheShippedManifestAsDataBindingDoes() throws IOException {
    byte[] json;
    try (java.io.InputStream in = BundleIO.class.getResourceAsStream(BundleIO.DEFAULT_RESOURCE);
        java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(in)) {
      java.util.zip.ZipEntry e;
      do {
        e = zip.getNextEntry();
      } while (!e.getName().equals(BundleIO.MANIFEST));
      json = zip.readAllBytes();
    }
    assertSame(DATA_BINDING.readValue(json, Manifest.class), ManifestReader.read(json));
  }

  @Test
  void aManifestFromBeforeThresholdRulesReadsAsMaxF1() throws IOException {
    String json = DATA_BINDING.writeValueAsString(sample(null))
        .replace(",\"thresholdRule\":\"break-even\"", "");
    assertEquals(TrainingSettings.MAX_F1, ManifestReader.read(
        json.getBytes(StandardCharsets.UTF_8)).training().thresholdRule());
  }

  @Test
  void aManifestFromBeforeTheImplicationRuleReadsWithoutIt() throws IOException {
    String json = DATA_BINDING.writeValueAsString(sample(null))
        .replace(",\"falseReportImpliesHarassment\":true", "");
    assertFalse(json.contains("falseReportImpliesHarassment"), json);
    assertFalse(ManifestReader.read(json.getBytes(StandardCharsets.UTF_8))
        .falseReportImpliesHarassment());
  }

  @Test
  void unknownFieldsAreIgnoredAndMissingOnesAreEmpty() throws IOException {
    Manifest m = ManifestReader.read(
        "{\"formatVersion\": 2, \"addedLater\": {\"x\": [1, 2]}}".getBytes(StandardCharsets.UTF_8));
    assertEquals(2, m.formatVersion());
    assertNull(m.features());
    assertEquals(List.of(), m.labels());
  }

  @Test
  void malformedOrMistypedJsonIsAnError() {
    for (String bad : new String[] {"", "{\"formatVersion\": 1", "[1]",
        "{\"formatVersion\": \"one\"}", "{\"labels\": {}}", "{} {}"}) {
      assertThrows(IOException.class,
          () -> ManifestReader.read(bad.getBytes(StandardCharsets.UTF_8)), bad);
    }
  }
}
