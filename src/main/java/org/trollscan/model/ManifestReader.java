package org.trollscan.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trollscan.features.FeatureSettings;
import org.trollscan.features.Pipeline;

/**
 * Reads and checks {@code manifest.json} with Jackson's streaming parser. Every {@code score} run
 * loads a bundle, and a data-binding {@code ObjectMapper} costs about 90 ms of a 0.4 s start-up
 * to set up and bind records; this reader costs about 5. {@link BundleIO} writes the manifest with
 * data binding, and {@code ManifestReaderTest} holds the two to the same format.
 *
 * <p>Reading is strict, because the manifest decides the scores (thresholds, n-gram ranges, the
 * tokenizer): every field of format {@value Manifest#FORMAT_VERSION} must be present with a value
 * in its range, and a field this reader does not know is refused rather than ignored, so that a
 * later format's setting is never silently dropped (a later format bumps
 * {@link Manifest#FORMAT_VERSION}). Each error names the field by its path
 * ({@code labels[0].threshold}) with the value found and the values allowed.
 */
final class ManifestReader {
  private static final JsonFactory JSON = new JsonFactory();
  /** Longest free-text value (a threshold rule is about 250 characters, a path a few dozen). */
  private static final int MAX_TEXT = 4096;
  /** Longest version string. */
  private static final int MAX_VERSION = 100;
  /** Longest entry name (rule entries are named like "rules/cues.txt"). */
  private static final int MAX_ENTRY_NAME = 200;

  private ManifestReader() {}

  /** Parses and checks a manifest of the current format. */
  static Manifest read(byte[] json) throws IOException {
    Map<String, Object> m = parse(json);
    int version = formatVersion(m);
    if (version != Manifest.FORMAT_VERSION) {
      throw new IOException("formatVersion is " + version + "; allowed: "
          + Manifest.FORMAT_VERSION);
    }
    return interpret(m);
  }

  /** The manifest's JSON object, parsed but not yet checked. */
  static Map<String, Object> parse(byte[] json) throws IOException {
    try (JsonParser p = JSON.createParser(json)) {
      Object value = value(p, p.nextToken());
      if (!(value instanceof Map)) {
        throw new IOException("the manifest is not a JSON object");
      }
      if (p.nextToken() != null) {
        throw new IOException("text after the manifest object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) value;
      return m;
    }
  }

  /**
   * The format version a parsed manifest declares, read before anything else: the rest of the
   * manifest means what its format says.
   */
  static int formatVersion(Map<String, Object> m) throws IOException {
    return (int) new Fields(m, "").whole("formatVersion", 1, Integer.MAX_VALUE);
  }

  /** Checks every field of a parsed manifest of the current format and builds the record. */
  static Manifest interpret(Map<String, Object> json) throws IOException {
    Fields m = new Fields(json, "");
    int formatVersion = (int) m.whole("formatVersion", 1, Integer.MAX_VALUE);
    String modelVersion = m.version("modelVersion");
    String toolVersion = m.version("toolVersion");
    String createdAt = m.instant("createdAt");
    FeatureSettings features = features(m.object("features"));
    Pipeline pipeline = pipeline(m.object("pipeline"));
    TrainingSettings training = training(m.object("training"));
    List<Manifest.DataFile> data = new ArrayList<>();
    List<Object> files = m.list("data", 1, 1000);
    for (int i = 0; i < files.size(); i++) {
      Fields d = m.element("data", i, files.get(i));
      data.add(new Manifest.DataFile(d.text("path"), d.whole("rows", 0, Long.MAX_VALUE),
          d.sha256("sha256")));
      d.done();
    }
    List<Manifest.Entry> entries = entries(m);
    Set<String> entryNames = new HashSet<>();
    entries.forEach(e -> entryNames.add(e.name()));
    List<Manifest.LabelEntry> labels = labels(m, entryNames);
    boolean implied = m.flag("falseReportImpliesHarassment");
    Manifest.Context context = json.containsKey("context")
        ? context(m.object("context"), entryNames, labels) : null;
    m.done();
    if (implied && labels.size() < 2) {
      throw new IOException("falseReportImpliesHarassment is true, which needs both a harassment"
          + " and a false_report model; the manifest has " + labels.size() + " label");
    }
    Set<String> lacking = tablesLacking(entryNames);
    Pipeline expected = Pipeline.of(features).withoutRuleEntries(lacking);
    if (!pipeline.withoutSettings().equals(expected.withoutSettings())) {
      throw new IOException("pipeline is not the one this trollscan runs for these features"
          + " (a bundle made by another version): " + describe(pipeline) + "; this trollscan: "
          + describe(expected));
    }
    checkSettings(pipeline);
    Set<String> used = new HashSet<>();
    labels.forEach(l -> used.add(l.entry()));
    List<String> rules = Pipeline.ruleEntries();
    for (String rule : rules) {
      if (!entryNames.contains(rule) && !lacking.contains(rule)) {
        throw new IOException("entries lists no '" + rule + "'; a format "
            + Manifest.FORMAT_VERSION + " bundle holds every rule file: " + String.join(", ",
            rules));
      }
      if (used.contains(rule)) {
        throw new IOException("'" + rule + "' is a rule entry and the model of a label");
      }
    }
    used.addAll(rules);
    if (context != null) {
      if (used.contains(context.entry())) {
        throw new IOException("context.entry '" + context.entry()
            + "' is a rule entry or the model of a label");
      }
      used.add(context.entry());
      if (context.harassmentEntry() != null) {
        if (used.contains(context.harassmentEntry())) {
          throw new IOException("context.harassmentEntry '" + context.harassmentEntry()
              + "' is a rule entry, the model of a label or context.entry");
        }
        used.add(context.harassmentEntry());
      }
    }
    for (int i = 0; i < entries.size(); i++) {
      if (!used.contains(entries.get(i).name())) {
        throw new IOException("entries[" + i + "] '" + entries.get(i).name()
            + "' is used by no label and is no rule file");
      }
    }
    return new Manifest(formatVersion, modelVersion, toolVersion, createdAt, features, pipeline,
        training, data, labels, implied, entries, context);
  }

  /** The most threads a bundle may ask to remember by default (about 1.7 GB of state). */
  static final int MAX_OPEN_THREADS = 10_000_000;

  /**
   * The context block, checked: its entries listed (the harassment one optional), its features
   * the ones this trollscan computes (so that a bundle scores the same everywhere or not at
   * all), thresholds probabilities.
   */
  private static Manifest.Context context(Fields c, Set<String> entryNames,
      List<Manifest.LabelEntry> labels) throws IOException {
    String entry = c.entryName("entry");
    if (!entryNames.contains(entry)) {
      throw new IOException(c.where("entry") + " '" + entry + "' is not listed in entries");
    }
    if (labels.size() < 2) {
      throw new IOException("context needs both a harassment and a false_report model; the"
          + " manifest has " + labels.size() + " label");
    }
    int version = (int) c.whole("featuresVersion", 1, Integer.MAX_VALUE);
    if (version != org.trollscan.context.ContextFeatures.VERSION) {
      throw new IOException(c.where("featuresVersion") + " is " + version + "; this trollscan"
          + " computes context features version " + org.trollscan.context.ContextFeatures.VERSION
          + ": retrain the model or use a matching trollscan version");
    }
    int shortWords = (int) c.whole("shortWords", 1,
        org.trollscan.context.ReplyCues.MAX_SHORT_WORDS);
    List<String> refersBack = replyWords(c);
    double frThreshold = c.decimal("falseReportThreshold", 0, 1);
    double hThreshold = c.decimal("harassmentThreshold", 0, 1);
    double aloneThreshold = c.decimal("aloneFalseReportThreshold", 0, 1);
    String rule = c.text("thresholdRule");
    String threadColumn = c.text("threadColumn", MAX_VERSION);
    int maxOpen = (int) c.whole("maxOpenThreads", 1, MAX_OPEN_THREADS);
    long rows = c.whole("trainingRows", 1, Long.MAX_VALUE);
    long threads = c.whole("threads", 1, rows, " (1 to " + c.where("trainingRows") + ")");
    long positives = c.whole("positives", 0, rows, " (0 to " + c.where("trainingRows") + ")");
    Map<String, double[]> cv = crossValidation(c.object("crossValidation"));
    // Absent or null: harassment in context is implied, as in bundles trained before the field.
    String harassmentEntry = c.get("harassmentEntry") == null ? null
        : c.entryName("harassmentEntry");
    if (harassmentEntry != null && !entryNames.contains(harassmentEntry)) {
      throw new IOException(c.where("harassmentEntry") + " '" + harassmentEntry
          + "' is not listed in entries");
    }
    c.done();
    return new Manifest.Context(entry, version, shortWords, refersBack, frThreshold, hThreshold,
        aloneThreshold, rule, threadColumn, maxOpen, rows, threads, positives, cv,
        harassmentEntry);
  }

  /**
   * The words that make a short reply refer back, as the context block records them: each a word
   * as a reply is split into, each once. Scoring uses them, whatever this trollscan's rule file
   * {@code reply-cues.txt} says now.
   */
  private static List<String> replyWords(Fields c) throws IOException {
    List<Object> words = c.list("refersBack", 0, 1000);
    Set<String> seen = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      Object o = words.get(i);
      if (!(o instanceof String w) || !org.trollscan.context.ReplyCues.isWord(w)) {
        throw new IOException(c.where("refersBack") + "[" + i + "] is " + show(o)
            + "; allowed: a lower-case word of letters, digits, ' and +");
      }
      if (!seen.add(w)) {
        throw new IOException(c.where("refersBack") + "[" + i + "] '" + w
            + "' is listed twice");
      }
      out.add(w);
    }
    return out;
  }

  /**
   * The rule entries of {@link org.trollscan.rules.Rules#TABLES_OLDER_BUNDLES_LACK} that this
   * bundle does not list: a bundle trained before they were rule files, whose pipeline lists them
   * nowhere and which is scored with the tables of that time.
   */
  private static Set<String> tablesLacking(Set<String> entryNames) {
    Set<String> lacking = new java.util.LinkedHashSet<>();
    for (String file : org.trollscan.rules.Rules.TABLES_OLDER_BUNDLES_LACK.keySet()) {
      if (!entryNames.contains(Pipeline.entry(file))) {
        lacking.add(Pipeline.entry(file));
      }
    }
    return lacking;
  }

  private static FeatureSettings features(Fields f) throws IOException {
    String tokenizer = f.oneOf("tokenizer", List.of("forum", "ud"));
    int words = (int) f.whole("wordNgramMax", 0, Manifest.MAX_WORD_NGRAM);
    int charMax = (int) f.whole("charNgramMax", 0, Manifest.MAX_CHAR_NGRAM);
    // With character n-grams off the minimum means nothing, but it still has a sane range.
    int charMin = (int) (charMax == 0 ? f.whole("charNgramMin", 0, Manifest.MAX_CHAR_NGRAM)
        : f.whole("charNgramMin", 1, charMax, " (1 to features.charNgramMax)"));
    boolean cues = f.flag("cues");
    boolean marked = f.flag("markNegatedAndQuoted");
    f.done();
    if (words == 0 && charMax == 0 && !cues) {
      throw new IOException("features: wordNgramMax and charNgramMax are 0 and cues is false:"
          + " the model has no features");
    }
    return new FeatureSettings(tokenizer, words, charMin, charMax, cues, marked);
  }

  /** The pipeline as recorded, checked for shape; the caller compares it with this trollscan's. */
  private static Pipeline pipeline(Fields p) throws IOException {
    List<Pipeline.Stage> normalization = stages(p, "normalization");
    Pipeline.Stage tokenizer = stage(p.object("tokenizer"));
    List<Pipeline.Stage> annotators = stages(p, "annotators");
    List<Pipeline.Stage> features = stages(p, "features");
    Pipeline.Stage evidence = stage(p.object("evidence"));
    p.done();
    return new Pipeline(normalization, tokenizer, annotators, features, evidence);
  }

  private static List<Pipeline.Stage> stages(Fields p, String field) throws IOException {
    List<Pipeline.Stage> stages = new ArrayList<>();
    List<Object> list = p.list(field, 0, 100);
    for (int i = 0; i < list.size(); i++) {
      stages.add(stage(p.element(field, i, list.get(i))));
    }
    return stages;
  }

  /**
   * Each stage's recorded settings are settings of that stage with a value in range; a setting not
   * recorded has its default ({@link org.trollscan.rules.StepSettings}).
   */
  private static void checkSettings(Pipeline pipeline) throws IOException {
    for (Map.Entry<String, List<Pipeline.Stage>> part : pipeline.parts().entrySet()) {
      List<Pipeline.Stage> stages = part.getValue();
      boolean list = !part.getKey().equals("tokenizer") && !part.getKey().equals("evidence");
      for (int i = 0; i < stages.size(); i++) {
        Pipeline.Stage stage = stages.get(i);
        String where = "pipeline." + part.getKey() + (list ? "[" + i + "]" : "") + ".settings";
        for (Map.Entry<String, Number> e : stage.settings().entrySet()) {
          org.trollscan.rules.StepSettings.Setting setting;
          try {
            setting = Pipeline.setting(part.getKey(), stage.name(), e.getKey());
          } catch (IllegalArgumentException unknown) {
            throw new IOException(where + "." + e.getKey() + ": " + unknown.getMessage());
          }
          if (!setting.accepts(e.getValue())) {
            throw new IOException(where + "." + e.getKey() + " is " + show(e.getValue())
                + "; allowed: " + setting.allowed());
          }
        }
      }
    }
  }

  private static Pipeline.Stage stage(Fields s) throws IOException {
    String name = s.text("name", MAX_VERSION);
    List<String> rules = new ArrayList<>();
    List<Object> list = s.list("rules", 0, 100);
    for (int i = 0; i < list.size(); i++) {
      Object o = list.get(i);
      if (!(o instanceof String r) || !isEntryName(r)) {
        throw new IOException(s.where("rules") + "[" + i + "] is " + show(o)
            + "; allowed: a bundle entry name");
      }
      rules.add(r);
    }
    Map<String, Number> settings = new LinkedHashMap<>();
    // Optional: bundles written before stages recorded settings have none, and get the defaults.
    if (s.map.containsKey("settings")) {
      Fields values = s.object("settings");
      for (String key : List.copyOf(values.map.keySet())) {
        Object o = values.get(key);
        if (!(o instanceof Number n)) {
          throw new IOException(values.where(key) + " is " + show(o) + "; allowed: a number");
        }
        settings.put(key, n);
      }
      values.done();
    }
    s.done();
    return new Pipeline.Stage(name, rules, settings);
  }

  /** A pipeline as one line: "stage, stage | tokenizer | annotator, ... | family, ...". */
  private static String describe(Pipeline p) {
    return names(p.normalization()) + " | " + p.tokenizer().name() + " | "
        + names(p.annotators()) + " | " + names(p.features()) + " | " + p.evidence().name();
  }

  private static String names(List<Pipeline.Stage> stages) {
    return String.join(", ", stages.stream().map(Pipeline.Stage::name).toList());
  }

  private static TrainingSettings training(Fields t) throws IOException {
    String algorithm = t.oneOf("algorithm", List.of("QN", "GIS"));
    int iterations = (int) t.whole("iterations", 1, Integer.MAX_VALUE);
    int cutoff = (int) t.whole("cutoff", 0, Integer.MAX_VALUE);
    double l1 = t.decimal("l1Cost", 0, Double.MAX_VALUE);
    double l2 = t.decimal("l2Cost", 0, Double.MAX_VALUE);
    int folds = (int) t.whole("folds", 2, Integer.MAX_VALUE);
    int repeats = (int) t.whole("repeats", 1, Integer.MAX_VALUE);
    long seed = t.whole("seed", Long.MIN_VALUE, Long.MAX_VALUE);
    Double precision = t.optionalDecimal("targetPrecision", 0, 1);
    if (precision != null && precision == 0) {
      throw new IOException(t.where("targetPrecision") + " is 0; allowed: null or a number above 0"
          + " and at most 1");
    }
    String rule = t.oneOf("thresholdRule",
        List.of(TrainingSettings.BREAK_EVEN, TrainingSettings.MAX_F1));
    int threads = (int) t.whole("threads", 1, Integer.MAX_VALUE);
    t.done();
    return new TrainingSettings(algorithm, iterations, cutoff, l1, l2, folds, repeats, seed,
        precision, rule, threads);
  }

  private static List<Manifest.Entry> entries(Fields m) throws IOException {
    List<Manifest.Entry> entries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    long total = 0;
    List<Object> list = m.list("entries", 1, BundleIO.MAX_ENTRIES);
    for (int i = 0; i < list.size(); i++) {
      Fields e = m.element("entries", i, list.get(i));
      String name = e.entryName("name");
      if (name.equals(BundleIO.MANIFEST) || name.equals(BundleIO.MANIFEST_SHA256)
          || !names.add(name)) {
        throw new IOException(e.where("name") + " '" + name + "' is listed twice");
      }
      String sha256 = e.sha256("sha256");
      long bytes = e.whole("bytes", 0, BundleIO.MAX_ENTRY_BYTES);
      e.done();
      total += bytes;
      entries.add(new Manifest.Entry(name, sha256, bytes));
    }
    if (total > BundleIO.MAX_ENTRY_BYTES) {
      throw new IOException("entries hold " + total + " bytes together; allowed: at most "
          + BundleIO.MAX_ENTRY_BYTES);
    }
    return entries;
  }

  private static List<Manifest.LabelEntry> labels(Fields m, Set<String> entryNames)
      throws IOException {
    List<Manifest.LabelEntry> labels = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> usedEntries = new HashSet<>();
    List<Object> list = m.list("labels", 1, Label.values().length);
    for (int i = 0; i < list.size(); i++) {
      Fields l = m.element("labels", i, list.get(i));
      String label = l.oneOf("label", Label.columns());
      if (!seen.add(label)) {
        throw new IOException(l.where("label") + " '" + label + "' is listed twice");
      }
      String entry = l.text("entry");
      if (!entryNames.contains(entry)) {
        throw new IOException(l.where("entry") + " '" + entry + "' is not listed in entries");
      }
      if (!usedEntries.add(entry)) {
        throw new IOException(l.where("entry") + " '" + entry + "' is used by another label");
      }
      double threshold = l.decimal("threshold", 0, 1);
      String rule = l.text("thresholdRule");
      long rows = l.whole("trainingRows", 0, Long.MAX_VALUE);
      long positives = l.whole("positives", 0, rows, " (0 to " + l.where("trainingRows") + ")");
      Map<String, double[]> cv = crossValidation(l.object("crossValidation"));
      l.done();
      labels.add(new Manifest.LabelEntry(label, entry, null, threshold, rule, rows, positives,
          cv));
    }
    return labels;
  }

  private static Map<String, double[]> crossValidation(Fields metrics) throws IOException {
    Map<String, double[]> cv = new LinkedHashMap<>();
    for (String metric : List.copyOf(metrics.map.keySet())) {
      if (metric.isEmpty() || metric.length() > MAX_VERSION) {
        throw new IOException(metrics.where(metric) + ": a metric name of 1 to " + MAX_VERSION
            + " characters");
      }
      List<Object> values = metrics.list(metric, 2, 2);
      double[] v = new double[2];
      for (int i = 0; i < 2; i++) {
        Object o = values.get(i);
        // A metric can be undefined over the folds (no positive in one); data binding writes
        // that NaN as the string "NaN".
        if ("NaN".equals(o)) {
          v[i] = Double.NaN;
        } else if (o instanceof Number n && Double.isFinite(n.doubleValue())) {
          v[i] = n.doubleValue();
        } else {
          throw new IOException(metrics.where(metric) + "[" + i + "] is " + show(o)
              + "; allowed: a finite number or \"NaN\"");
        }
      }
      cv.put(metric, v);
    }
    metrics.done();
    return cv;
  }

  /**
   * A JSON object read field by field: each accessor checks one field's presence, type and range,
   * and {@link #done()} refuses the fields no accessor asked for.
   */
  private static final class Fields {
    final Map<String, Object> map;
    final String path;
    final Set<String> read = new HashSet<>();

    Fields(Map<String, Object> map, String path) {
      this.map = map;
      this.path = path;
    }

    String where(String field) {
      return path.isEmpty() ? field : path + "." + field;
    }

    /** The field's value, null when it is missing or null; each accessor says what is allowed. */
    Object get(String field) {
      read.add(field);
      return map.get(field);
    }

    void done() throws IOException {
      for (String field : map.keySet()) {
        if (!read.contains(field)) {
          throw new IOException(where(field) + " is not a field of format "
              + Manifest.FORMAT_VERSION + " manifests");
        }
      }
    }

    Fields object(String field) throws IOException {
      return asObject(get(field), where(field));
    }

    Fields element(String field, int i, Object o) throws IOException {
      return asObject(o, where(field) + "[" + i + "]");
    }

    @SuppressWarnings("unchecked")
    private static Fields asObject(Object o, String where) throws IOException {
      if (o instanceof Map) {
        return new Fields((Map<String, Object>) o, where);
      }
      throw new IOException(where + " is " + show(o) + "; allowed: an object");
    }

    @SuppressWarnings("unchecked")
    List<Object> list(String field, int min, int max) throws IOException {
      Object o = get(field);
      if (!(o instanceof List)) {
        throw new IOException(where(field) + " is " + show(o) + "; allowed: an array");
      }
      List<Object> l = (List<Object>) o;
      if (l.size() < min || l.size() > max) {
        throw new IOException(where(field) + " has " + l.size() + " elements; allowed: "
            + range(min, max));
      }
      return l;
    }

    String text(String field) throws IOException {
      return text(field, MAX_TEXT);
    }

    /** Text without control or format characters, which could disguise what is printed. */
    String text(String field, int maxLength) throws IOException {
      Object o = get(field);
      if (!(o instanceof String s) || s.isEmpty() || s.length() > maxLength) {
        throw new IOException(where(field) + " is " + show(o) + "; allowed: text of 1 to "
            + maxLength + " characters");
      }
      for (int i = 0; i < s.length(); i++) {
        int type = Character.getType(s.charAt(i));
        if (type == Character.CONTROL || type == Character.FORMAT) {
          throw new IOException(where(field) + " holds the control character U+"
              + String.format("%04X", (int) s.charAt(i)) + "; allowed: printable text");
        }
      }
      return s;
    }

    String version(String field) throws IOException {
      return text(field, MAX_VERSION);
    }

    String oneOf(String field, List<String> allowed) throws IOException {
      Object o = get(field);
      if (!(o instanceof String) || !allowed.contains(o)) {
        throw new IOException(where(field) + " is " + show(o) + "; allowed: "
            + String.join(", ", allowed));
      }
      return (String) o;
    }

    String sha256(String field) throws IOException {
      Object o = get(field);
      if (!(o instanceof String s) || !isLowerHex(s, 64)) {
        throw new IOException(where(field) + " is " + show(o)
            + "; allowed: a SHA-256 as 64 lower-case hex digits");
      }
      return s;
    }

    /** An ISO-8601 UTC time as training writes it (2026-11-29T22:43:27Z), checked by hand:
     *  java.time's parser costs milliseconds of start-up to initialise. */
    String instant(String field) throws IOException {
      Object o = get(field);
      if (!(o instanceof String s) || !isInstant(s)) {
        throw new IOException(where(field) + " is " + show(o)
            + "; allowed: a UTC time such as 2026-11-29T22:43:27Z");
      }
      return s;
    }

    /** A bundle entry name: a relative path of plain segments, so no unzip can escape with it. */
    String entryName(String field) throws IOException {
      Object o = get(field);
      if (!(o instanceof String s) || !isEntryName(s)) {
        throw new IOException(where(field) + " is " + show(o) + "; allowed: 1 to "
            + MAX_ENTRY_NAME + " characters of A-Z a-z 0-9 . _ - in segments separated by /,"
            + " none of them . or ..");
      }
      return s;
    }

    long whole(String field, long min, long max) throws IOException {
      return whole(field, min, max, "");
    }

    long whole(String field, long min, long max, String note) throws IOException {
      Object o = get(field);
      if (!(o instanceof Integer || o instanceof Long)
          || ((Number) o).longValue() < min || ((Number) o).longValue() > max) {
        throw new IOException(where(field) + " is " + show(o) + "; allowed: a whole number "
            + range(min, max) + note);
      }
      return ((Number) o).longValue();
    }

    double decimal(String field, double min, double max) throws IOException {
      Object o = get(field);
      if (!(o instanceof Number n) || !(n.doubleValue() >= min && n.doubleValue() <= max)) {
        throw new IOException(where(field) + " is " + show(o) + "; allowed: a number "
            + range(min, max));
      }
      return ((Number) o).doubleValue();
    }

    /** A number in range, or null (which JSON writes for "not set"). */
    Double optionalDecimal(String field, double min, double max) throws IOException {
      read.add(field);
      if (!map.containsKey(field)) {
        throw new IOException(where(field) + " is missing; allowed: null or a number "
            + range(min, max));
      }
      return map.get(field) == null ? null : decimal(field, min, max);
    }

    boolean flag(String field) throws IOException {
      Object o = get(field);
      if (!(o instanceof Boolean b)) {
        throw new IOException(where(field) + " is " + show(o) + "; allowed: true or false");
      }
      return b;
    }
  }

  private static String range(double min, double max) {
    if (min == max) {
      return "exactly " + format(min);
    }
    if (max == Long.MAX_VALUE || max == Integer.MAX_VALUE || max == Double.MAX_VALUE) {
      return min == Long.MIN_VALUE ? "" : "of at least " + format(min);
    }
    return "from " + format(min) + " to " + format(max);
  }

  private static String format(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  /** A value as an error message shows it: text quoted and cut short, anything else as is. */
  private static String show(Object o) {
    if (o == null) {
      return "missing";
    }
    if (o instanceof String s) {
      String shown = s.length() > 60 ? s.substring(0, 60) + "..." : s;
      StringBuilder b = new StringBuilder("'");
      shown.codePoints().forEach(c -> {
        if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
          b.append(String.format("\\u%04X", c));
        } else {
          b.appendCodePoint(c);
        }
      });
      return b.append('\'').toString();
    }
    if (o instanceof Map) {
      return "an object";
    }
    if (o instanceof List) {
      return "an array";
    }
    return String.valueOf(o);
  }

  private static boolean isLowerHex(String s, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isInstant(String s) {
    String template = "dddd-dd-ddTdd:dd:dd";
    if (s.length() < template.length() + 1 || s.length() > 40 || !s.endsWith("Z")) {
      return false;
    }
    for (int i = 0; i < template.length(); i++) {
      char t = template.charAt(i);
      char c = s.charAt(i);
      if (t == 'd' ? c < '0' || c > '9' : c != t) {
        return false;
      }
    }
    String fraction = s.substring(template.length(), s.length() - 1);
    if (fraction.isEmpty()) {
      return true;
    }
    if (fraction.length() < 2 || fraction.charAt(0) != '.') {
      return false;
    }
    return fraction.substring(1).chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static boolean isEntryName(String s) {
    if (s.isEmpty() || s.length() > MAX_ENTRY_NAME) {
      return false;
    }
    for (String segment : s.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
      for (int i = 0; i < segment.length(); i++) {
        char c = segment.charAt(i);
        if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
            || c == '_' || c == '-')) {
          return false;
        }
      }
    }
    return true;
  }

  /** A JSON value as a Map, List, String, Number, Boolean or null. */
  private static Object value(JsonParser p, JsonToken t) throws IOException {
    if (t == null) {
      throw new IOException("empty manifest");
    }
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> m = new LinkedHashMap<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String name = p.currentName();
          if (m.containsKey(name)) {
            // Two readers could take either value; the one that decides must be unambiguous.
            throw new IOException("field " + name + " appears twice in one object");
          }
          m.put(name, value(p, p.nextToken()));
        }
        return m;
      }
      case START_ARRAY: {
        List<Object> l = new ArrayList<>();
        for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
          l.add(value(p, v));
        }
        return l;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return p.getNumberValue();
      case VALUE_TRUE:
      case VALUE_FALSE:
        return p.getBooleanValue();
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("unexpected " + t + " at " + p.currentLocation());
    }
  }
}
