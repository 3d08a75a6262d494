package org.trollscan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;
import org.trollscan.features.FeatureSettings;
import org.trollscan.features.Pipeline;
import org.trollscan.rules.StepSettings;

class ManifestReaderTest {
  private static final ObjectMapper DATA_BINDING = new ObjectMapper();
  private static final String HEX = "8164de4a".repeat(8);

  private static Manifest sample(Double targetPrecision) {
    Map<String, double[]> cv = new LinkedHashMap<>();
    cv.put("auc", new double[] {0.9243260422, 0.0147});
    cv.put("f1", new double[] {0.836, 0.029});
    return new Manifest(Manifest.FORMAT_VERSION, "2026.11.29-4", "0.1.0", "2026-11-29T02:59:52Z",
        new FeatureSettings("forum", 1, 3, 4, true, false),
        Pipeline.of(new FeatureSettings("forum", 1, 3, 4, true, false)),
        new TrainingSettings("QN", 300, 2, 0.0, 0.3, 5, 3, 20261128L, targetPrecision,
            TrainingSettings.BREAK_EVEN, 2),
        List.of(new Manifest.DataFile("samples/corpus/train.csv", 2023, HEX),
            new Manifest.DataFile("../shared/corpora/olid/train.csv", 13240, HEX)),
        List.of(new Manifest.LabelEntry("harassment", "harassment.maxent", null,
                0.4233462380629555, "max out-of-fold F1", 15578, 3470, cv),
            new Manifest.LabelEntry("false_report", "false_report.maxent", null, 0.5,
                "break-even", 2000, 400, cv)),
        true,
        java.util.stream.Stream.concat(Stream.of(new Manifest.Entry("harassment.maxent", HEX,
            2905920), new Manifest.Entry("false_report.maxent", HEX, 1781239)),
            Pipeline.ruleEntries().stream().map(e -> new Manifest.Entry(e, HEX, 100))).toList());
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
  void aMetricUndefinedOverTheFoldsReadsAsNaNAsDataBindingWritesIt() throws IOException {
    Manifest m = sample(null);
    m.labels().get(0).crossValidation().put("auc", new double[] {Double.NaN, Double.NaN});
    byte[] json = DATA_BINDING.writeValueAsBytes(m);
    assertTrue(new String(json, StandardCharsets.UTF_8).contains("[\"NaN\",\"NaN\"]"));
    assertTrue(Double.isNaN(ManifestReader.read(json).labels().get(0).crossValidation()
        .get("auc")[0]));
  }

  @Test
  void aPipelineThatRecordsNoSettingsHasTheDefaultsAndOneThatDoesHasItsOwn() throws IOException {
    ObjectNode m = (ObjectNode) DATA_BINDING.readTree(DATA_BINDING.writeValueAsBytes(sample(null)));
    negationSettings(m).put("maxTokens", 2);
    assertEquals(StepSettings.defaults().with(StepSettings.Setting.NEGATION_MAX_TOKENS, 2),
        ManifestReader.read(DATA_BINDING.writeValueAsBytes(m)).pipeline().settings());
    // As bundles written before stages recorded settings (the shipped model among them).
    m.get("pipeline").forEach(part -> (part.isArray() ? part : List.of(part))
        .forEach(stage -> ((ObjectNode) stage).remove("settings")));
    assertTrue(!DATA_BINDING.writeValueAsString(m).contains("settings"));
    assertEquals(StepSettings.defaults(),
        ManifestReader.read(DATA_BINDING.writeValueAsBytes(m)).pipeline().settings());
    // Some settings of a stage recorded, others not: the others have their defaults.
    ObjectNode partial = sampleTree();
    ((ObjectNode) partial.get("pipeline").get("evidence").get("settings")).remove("phrases");
    ((ObjectNode) partial.get("pipeline").get("evidence").get("settings")).put("maxTokens", 4);
    assertEquals(StepSettings.defaults().with(StepSettings.Setting.EVIDENCE_MAX_TOKENS, 4),
        ManifestReader.read(DATA_BINDING.writeValueAsBytes(partial)).pipeline().settings());
  }

  private static ObjectNode sampleTree() throws IOException {
    return (ObjectNode) DATA_BINDING.readTree(DATA_BINDING.writeValueAsBytes(sample(null)));
  }

  @Test
  void aNullTargetPrecisionMeansNotSet() throws IOException {
    assertNull(ManifestReader.read(DATA_BINDING.writeValueAsBytes(sample(null))).training()
        .targetPrecision());
  }

  private static ObjectNode label(ObjectNode m, int i) {
    return (ObjectNode) m.get("labels").get(i);
  }

  /** The settings object of the negation annotator (the fifth). */
  private static ObjectNode negationSettings(ObjectNode m) {
    ObjectNode negation = (ObjectNode) m.get("pipeline").get("annotators").get(4);
    assertEquals("negation", negation.get("name").asText());
    return (ObjectNode) negation.get("settings");
  }

  private static Arguments bad(String expected, Consumer<ObjectNode> edit) {
    return Arguments.of(expected, edit);
  }

  /** Each edit of a valid manifest, and the one message that refuses it. */
  static Stream<Arguments> invalidManifests() {
    return Stream.of(
        bad("labels[0].threshold is 1.5; allowed: a number from 0 to 1",
            m -> label(m, 0).put("threshold", 1.5)),
        bad("labels[1].threshold is -1; allowed: a number from 0 to 1",
            m -> label(m, 1).put("threshold", -1)),
        bad("labels[0].threshold is 'high'; allowed: a number from 0 to 1",
            m -> label(m, 0).put("threshold", "high")),
        bad("features.tokenizer is missing; allowed: forum, ud",
            m -> ((ObjectNode) m.get("features")).remove("tokenizer")),
        bad("features.tokenizer is missing; allowed: forum, ud",
            m -> ((ObjectNode) m.get("features")).putNull("tokenizer")),
        bad("features.tokenizer is 'whitespace'; allowed: forum, ud",
            m -> ((ObjectNode) m.get("features")).put("tokenizer", "whitespace")),
        bad("features.charNgramMin is 5; allowed: a whole number from 1 to 4"
            + " (1 to features.charNgramMax)",
            m -> ((ObjectNode) m.get("features")).put("charNgramMin", 5)),
        bad("features.charNgramMin is 0; allowed: a whole number from 1 to 4"
            + " (1 to features.charNgramMax)",
            m -> ((ObjectNode) m.get("features")).put("charNgramMin", 0)),
        bad("features.charNgramMax is 2000000000; allowed: a whole number from 0 to 10",
            m -> ((ObjectNode) m.get("features")).put("charNgramMax", 2_000_000_000)),
        bad("features.charNgramMax is 4294967300; allowed: a whole number from 0 to 10",
            m -> ((ObjectNode) m.get("features")).put("charNgramMax", 4_294_967_300L)),
        bad("features.wordNgramMax is 6; allowed: a whole number from 0 to 5",
            m -> ((ObjectNode) m.get("features")).put("wordNgramMax", 6)),
        bad("features.wordNgramMax is 2.0; allowed: a whole number from 0 to 5",
            m -> ((ObjectNode) m.get("features")).put("wordNgramMax", 2.0)),
        bad("features.cues is 'yes'; allowed: true or false",
            m -> ((ObjectNode) m.get("features")).put("cues", "yes")),
        bad("features: wordNgramMax and charNgramMax are 0 and cues is false: the model has no"
            + " features",
            m -> ((ObjectNode) m.get("features")).put("wordNgramMax", 0).put("charNgramMax", 0)
                .put("cues", false)),
        bad("features is missing; allowed: an object", m -> m.remove("features")),
        bad("features.stemmer is not a field of format 3 manifests",
            m -> ((ObjectNode) m.get("features")).put("stemmer", "porter")),
        bad("pipeline.normalization is missing; allowed: an array",
            m -> m.putObject("pipeline").put("steps", 3)),
        bad("pipeline.tokenizer.rules[0] is '../cues.txt'; allowed: a bundle entry name",
            m -> ((ObjectNode) m.get("pipeline").get("tokenizer")).putArray("rules")
                .add("../cues.txt")),
        bad("pipeline is not the one this trollscan runs for these features (a bundle made by"
            + " another version): ignorable-characters, markup, unicode-nfkc, case-fold,"
            + " placeholders, spaced-letters, elongation, obfuscation | forum | sentences,"
            + " quotes, names, cues, negation, condemnation | word-ngrams, char-ngrams, cues |"
            + " evidence; this trollscan: ignorable-characters, markup, unicode-nfkc, case-fold,"
            + " placeholders, spaced-letters, elongation, obfuscation | ud | sentences,",
            m -> ((ObjectNode) m.get("features")).put("tokenizer", "ud")),
        bad("pipeline is not the one this trollscan runs for these features",
            m -> ((ArrayNode) m.get("pipeline").get("annotators")).remove(4)),
        bad("pipeline.annotators[4].settings.maxTokens is 0; allowed: a whole number from 1 to"
            + " 50", m -> negationSettings(m).put("maxTokens", 0)),
        bad("pipeline.annotators[4].settings.maxTokens is 2.5; allowed: a whole number from 1 to"
            + " 50", m -> negationSettings(m).put("maxTokens", 2.5)),
        bad("pipeline.annotators[4].settings.maxTokens is 'six'; allowed: a number",
            m -> negationSettings(m).put("maxTokens", "six")),
        bad("pipeline.annotators[4].settings.maxTokenz: 'maxTokenz' is no setting of the"
            + " annotators stage 'negation'; its settings: maxTokens",
            m -> negationSettings(m).put("maxTokenz", 3)),
        bad("pipeline.annotators[0].settings.maxTokens: 'maxTokens' is no setting of the"
            + " annotators stage 'sentences', which has none",
            m -> ((ObjectNode) m.get("pipeline").get("annotators").get(0)).putObject("settings")
                .put("maxTokens", 3)),
        bad("pipeline.evidence.settings.minShareOfTop is 1.5; allowed: a number from 0 to 1",
            m -> ((ObjectNode) m.get("pipeline").get("evidence").get("settings"))
                .put("minShareOfTop", 1.5)),
        bad("pipeline.evidence.settings is 'all'; allowed: an object",
            m -> ((ObjectNode) m.get("pipeline").get("evidence")).put("settings", "all")),
        bad("entries lists no 'rules/cues.txt'; a format 3 bundle holds every rule file",
            m -> ((ArrayNode) m.get("entries")).remove(2)),
        bad("'rules/cues.txt' is a rule entry and the model of a label",
            m -> label(m, 0).put("entry", "rules/cues.txt")),
        bad("labels[0].sha256 is not a field of format 3 manifests",
            m -> label(m, 0).put("sha256", HEX)),
        bad("labels[0].label is 'spam'; allowed: harassment, false_report",
            m -> label(m, 0).put("label", "spam")),
        bad("labels[1].label 'harassment' is listed twice",
            m -> label(m, 1).put("label", "harassment")),
        bad("labels has 0 elements; allowed: from 1 to 2", m -> m.putArray("labels")),
        bad("labels[0].entry 'other.maxent' is not listed in entries",
            m -> label(m, 0).put("entry", "other.maxent")),
        bad("labels[1].entry 'harassment.maxent' is used by another label",
            m -> label(m, 1).put("entry", "harassment.maxent")),
        bad("labels[0].positives is 15579; allowed: a whole number from 0 to 15578"
            + " (0 to labels[0].trainingRows)",
            m -> label(m, 0).put("positives", 15579)),
        bad("labels[0].crossValidation.auc has 1 elements; allowed: exactly 2",
            m -> ((ObjectNode) label(m, 0).get("crossValidation")).putArray("auc").add(0.9)),
        bad("labels[0].crossValidation.auc[1] is 'x'; allowed: a finite number or \"NaN\"",
            m -> ((ObjectNode) label(m, 0).get("crossValidation")).putArray("auc").add(0.9)
                .add("x")),
        bad("falseReportImpliesHarassment is true, which needs both a harassment and a"
            + " false_report model; the manifest has 1 label",
            m -> {
              ((ArrayNode) m.get("labels")).remove(1);
              ((ArrayNode) m.get("entries")).remove(1);
            }),
        bad("falseReportImpliesHarassment is missing; allowed: true or false",
            m -> m.remove("falseReportImpliesHarassment")),
        bad("entries[33] 'notes.txt' is used by no label and is no rule file",
            m -> ((ArrayNode) m.get("entries")).addObject().put("name", "notes.txt")
                .put("sha256", HEX).put("bytes", 5)),
        bad("entries[1].name 'harassment.maxent' is listed twice",
            m -> ((ObjectNode) m.get("entries").get(1)).put("name", "harassment.maxent")),
        bad("entries[1].name 'manifest.json' is listed twice",
            m -> ((ObjectNode) m.get("entries").get(1)).put("name", "manifest.json")),
        bad("entries[0].name is '../harassment.maxent'; allowed: 1 to 200 characters",
            m -> ((ObjectNode) m.get("entries").get(0)).put("name", "../harassment.maxent")),
        bad("entries[0].sha256 is 'D1EA9D73'; allowed: a SHA-256 as 64 lower-case hex digits",
            m -> ((ObjectNode) m.get("entries").get(0)).put("sha256", "D1EA9D73")),
        bad("entries[0].bytes is 1099511627776; allowed: a whole number from 0 to 33554432",
            m -> ((ObjectNode) m.get("entries").get(0)).put("bytes", 1L << 40)),
        bad("entries hold 50334748 bytes together; allowed: at most 33554432",
            m -> {
              ((ObjectNode) m.get("entries").get(0)).put("bytes", 24L << 20);
              ((ObjectNode) m.get("entries").get(1)).put("bytes", 24L << 20);
            }),
        bad("entries has 0 elements; allowed: from 1 to 64", m -> m.putArray("entries")),
        bad("training.algorithm is 'SGD'; allowed: QN, GIS",
            m -> ((ObjectNode) m.get("training")).put("algorithm", "SGD")),
        bad("training.folds is 1; allowed: a whole number of at least 2",
            m -> ((ObjectNode) m.get("training")).put("folds", 1)),
        bad("training.l2Cost is -0.3; allowed: a number of at least 0",
            m -> ((ObjectNode) m.get("training")).put("l2Cost", -0.3)),
        bad("training.targetPrecision is 0; allowed: null or a number above 0 and at most 1",
            m -> ((ObjectNode) m.get("training")).put("targetPrecision", 0)),
        bad("training.targetPrecision is missing; allowed: null or a number from 0 to 1",
            m -> ((ObjectNode) m.get("training")).remove("targetPrecision")),
        bad("training.thresholdRule is 'median'; allowed: break-even, max-f1",
            m -> ((ObjectNode) m.get("training")).put("thresholdRule", "median")),
        bad("modelVersion holds the control character U+001B; allowed: printable text",
            m -> m.put("modelVersion", "2026\u001b[31m")),
        bad("modelVersion is ''; allowed: text of 1 to 100 characters",
            m -> m.put("modelVersion", "")),
        bad("createdAt is 'yesterday'; allowed: a UTC time such as 2026-11-29T22:43:27Z",
            m -> m.put("createdAt", "yesterday")),
        bad("lexicon is not a field of format 3 manifests",
            m -> m.put("lexicon", HEX)),
        bad("data[0].rows is -1; allowed: a whole number of at least 0",
            m -> ((ObjectNode) m.get("data").get(0)).put("rows", -1)),
        bad("data[1] is 'train.csv'; allowed: an object",
            m -> ((ArrayNode) m.get("data")).set(1, m.textNode("train.csv"))));
  }

  @ParameterizedTest
  @MethodSource("invalidManifests")
  void everyValueOutOfItsRangeIsRefusedNamingTheFieldAndWhatIsAllowed(String expected,
      Consumer<ObjectNode> edit) throws IOException {
    ObjectNode m = (ObjectNode) DATA_BINDING.readTree(DATA_BINDING.writeValueAsBytes(sample(null)));
    edit.accept(m);
    IOException e = assertThrows(IOException.class,
        () -> ManifestReader.read(DATA_BINDING.writeValueAsBytes(m)));
    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
  }

  @Test
  void anotherFormatVersionIsNotReadAsThisOne() throws IOException {
    ObjectNode m = (ObjectNode) DATA_BINDING.readTree(DATA_BINDING.writeValueAsBytes(sample(null)));
    m.put("formatVersion", 1);
    IOException e = assertThrows(IOException.class,
        () -> ManifestReader.read(DATA_BINDING.writeValueAsBytes(m)));
    assertEquals("formatVersion is 1; allowed: 3", e.getMessage());
  }

  @Test
  void malformedOrMistypedJsonIsAnError() {
    for (String bad : new String[] {"", "{\"formatVersion\": 2", "[1]",
        "{\"formatVersion\": \"one\"}", "{\"labels\": {}}", "{} {}",
        "{\"formatVersion\": 2, \"formatVersion\": 1}"}) {
      assertThrows(IOException.class,
          () -> ManifestReader.read(bad.getBytes(StandardCharsets.UTF_8)), bad);
    }
  }

  @Test
  void aFieldTwiceInOneObjectIsRefusedRatherThanOneCopyChosen() {
    IOException e = assertThrows(IOException.class, () -> ManifestReader.parse(
        "{\"formatVersion\": 2, \"formatVersion\": 1}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("field formatVersion appears twice in one object", e.getMessage());
  }
}
