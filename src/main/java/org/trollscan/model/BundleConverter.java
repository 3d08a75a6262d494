package org.trollscan.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.trollscan.ToolVersion;
import org.trollscan.features.FeatureSettings;
import org.trollscan.features.Pipeline;
import org.trollscan.rules.Rules;

/**
 * Rewrites a format 1 or 2 bundle as the current format without retraining: the same label
 * models byte for byte, the same thresholds and settings, the manifest checksummed, every entry
 * listed, and this trollscan's rule files added with the pipeline that reads them. Older formats
 * took their rules from the trollscan that read them, so the rule files added are the ones the
 * model was trained with only if it was trained by a trollscan with these rules: the cue lexicons
 * are checked against the fingerprint the old manifest records (a mismatch is refused); the word
 * lists that were Java tables until format 3 have no fingerprint, so convert only with the
 * version that trained the model or one with the same rules. Format 1 checksummed only the
 * label models, so converting vouches for a manifest nothing protected: convert only a file you
 * trust. The shipped model was converted with it (docs/model-bundle.md).
 *
 * <p>Run as {@code java -cp target/trollscan-cli.jar org.trollscan.model.BundleConverter OLD.zip
 * NEW.zip}; exit 0 when converted, 4 when the old bundle is refused.
 */
public final class BundleConverter {
  private BundleConverter() {}

  /** Converts {@code from} (format 1) to {@code to}; returns the manifest written. */
  public static Manifest convert(Path from, Path to) {
    String name = from.toString();
    Map<String, byte[]> entries;
    try (InputStream in = Files.newInputStream(from)) {
      entries = readAll(in, name);
    } catch (NoSuchFileException e) {
      throw new BundleException(name + ": model file not found");
    } catch (IOException e) {
      throw new BundleException(name + ": cannot read the model: " + e.getMessage(), e);
    }
    byte[] manifestBytes = entries.get(BundleIO.MANIFEST);
    if (manifestBytes == null) {
      throw new BundleException(name + ": not a trollscan model (no " + BundleIO.MANIFEST + ")");
    }
    Manifest manifest;
    Object lexicon;
    try {
      Map<String, Object> old = ManifestReader.parse(manifestBytes);
      int version = ManifestReader.formatVersion(old);
      if (version != 1 && version != 2) {
        throw new BundleException(name + ": model format " + version
            + ", not 1 or 2: only format 1 and 2 bundles are converted");
      }
      if (version == 2) {
        checkSealed(old, entries, manifestBytes, name);
      }
      lexicon = old.get("lexicon");
      manifest = ManifestReader.interpret(upgrade(old, entries, name));
    } catch (IOException e) {
      throw new BundleException(name + ": cannot convert its " + BundleIO.MANIFEST + ": "
          + e.getMessage());
    }
    Map<String, byte[]> models = new LinkedHashMap<>();
    for (Manifest.LabelEntry e : manifest.labels()) {
      byte[] bytes = entries.get(e.entry());
      MaxentWeightsReader.read(bytes, name + ":" + e.entry()); // refuses what scoring would
      models.put(e.label(), bytes);
    }
    Rules rules = Rules.fromClasspath();
    if (!rules.lexicons().fingerprint().equals(lexicon)) {
      throw new BundleException(name + ": the model was trained with different cue lexicons than"
          + " this trollscan has (" + manifest.toolVersion() + " vs " + ToolVersion.get()
          + "), so this trollscan cannot add the rule files it was trained with; convert it with"
          + " the version that trained it, or retrain it with this one");
    }
    // Formats 1 and 2 had the character tables and grammar words in Java, as they were when
    // they became files.
    Rules.TABLES_OLDER_BUNDLES_LACK.keySet().forEach(Rules::tableOlderBundlesLack);
    Manifest written = BundleIO.writeEntries(manifest, models, rules, to);
    // The point of converting instead of retraining: the models score exactly as before.
    Map<String, byte[]> now;
    try (InputStream in = Files.newInputStream(to)) {
      BundleIO.read(in, to.toString(), true); // loads as scoring will, every check included
    } catch (IOException e) {
      throw new BundleException(to + ": cannot read the converted model: " + e.getMessage(), e);
    }
    try (InputStream in = Files.newInputStream(to)) {
      now = BundleIO.readContents(in, to.toString(), true).entries();
    } catch (IOException e) {
      throw new BundleException(to + ": cannot read the converted model: " + e.getMessage(), e);
    }
    for (Manifest.LabelEntry e : written.labels()) {
      if (!Arrays.equals(models.get(e.label()), now.get(e.entry()))) {
        throw new IllegalStateException(to + ": the converted " + e.entry()
            + " is not byte for byte the model in " + name);
      }
    }
    return written;
  }

  /**
   * A format 1 or 2 manifest as a current one: every field their readers knew, missing ones given
   * the value those readers gave them (0, false, or the rule of the time), fields they ignored
   * left out, the label models' checksums checked and listed in {@code entries}, and the pipeline
   * this trollscan runs (the rule entries are added by {@link BundleIO#write}). Format 2 keeps its
   * checksums in {@code entries}, format 1 in each label.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> upgrade(Map<String, Object> old, Map<String, byte[]> bundle,
      String name) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("formatVersion", Manifest.FORMAT_VERSION);
    copy(old, m, "modelVersion", null);
    copy(old, m, "toolVersion", null);
    copy(old, m, "createdAt", null);
    Map<String, Object> features = object(old.get("features"));
    if (features != null) {
      Map<String, Object> f = new LinkedHashMap<>();
      copy(features, f, "tokenizer", null);
      copy(features, f, "wordNgramMax", 0);
      copy(features, f, "charNgramMin", 0);
      copy(features, f, "charNgramMax", 0);
      copy(features, f, "cues", false);
      copy(features, f, "markNegatedAndQuoted", false); // absent before it existed
      m.put("features", f);
      m.put("pipeline", pipeline(f));
    }
    Map<String, Object> training = object(old.get("training"));
    if (training != null) {
      Map<String, Object> t = new LinkedHashMap<>();
      copy(training, t, "algorithm", null);
      for (String field : List.of("iterations", "cutoff", "l1Cost", "l2Cost", "folds")) {
        copy(training, t, field, 0);
      }
      Object repeats = training.get("repeats"); // absent before 2026.11.29-5: one run
      t.put("repeats", repeats instanceof Number n && n.longValue() >= 1 ? repeats : 1);
      copy(training, t, "seed", 0);
      copy(training, t, "targetPrecision", null);
      copy(training, t, "thresholdRule", TrainingSettings.MAX_F1); // absent before -12
      copy(training, t, "threads", 0);
      m.put("training", t);
    }
    List<Object> data = new ArrayList<>();
    for (Object o : list(old.get("data"))) {
      Map<String, Object> d = object(o);
      Map<String, Object> out = new LinkedHashMap<>();
      if (d != null) {
        copy(d, out, "path", null);
        copy(d, out, "rows", 0);
        copy(d, out, "sha256", null);
      }
      data.add(out);
    }
    m.put("data", data);
    List<Object> labels = new ArrayList<>();
    List<Object> listed = new ArrayList<>();
    List<String> used = new ArrayList<>();
    for (Object o : list(old.get("labels"))) {
      Map<String, Object> l = object(o);
      Map<String, Object> out = new LinkedHashMap<>();
      if (l != null) {
        copy(l, out, "label", null);
        copy(l, out, "entry", null);
        copy(l, out, "threshold", 0);
        copy(l, out, "thresholdRule", null);
        copy(l, out, "trainingRows", 0);
        copy(l, out, "positives", 0);
        Object cv = l.get("crossValidation");
        out.put("crossValidation", cv == null ? new LinkedHashMap<>() : cv);
        Object entry = l.get("entry");
        byte[] bytes = entry instanceof String s ? bundle.get(s) : null;
        if (bytes == null) {
          throw new IOException("labels entry " + entry + " is not in the bundle");
        }
        String sha256 = BundleIO.sha256(bytes);
        if (!sha256.equals(l.containsKey("sha256") ? l.get("sha256")
            : recordedSha256(old, entry))) {
          throw new BundleException(name + ": entry " + entry
              + " does not match its checksum: the file is corrupt or was modified");
        }
        if (!used.contains(entry)) {
          used.add((String) entry);
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("name", entry);
          e.put("sha256", sha256);
          e.put("bytes", (long) bytes.length);
          listed.add(e);
        }
      }
      labels.add(out);
    }
    m.put("labels", labels);
    Object implied = old.get("falseReportImpliesHarassment"); // absent before -30: not applied
    m.put("falseReportImpliesHarassment", implied == null ? false : implied);
    // This trollscan's rule files, which BundleIO#write adds (checked in convert()).
    Rules.fromClasspath().files().forEach((file, bytes) -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", Pipeline.entry(file));
      e.put("sha256", BundleIO.sha256(bytes));
      e.put("bytes", (long) bytes.length);
      listed.add(e);
    });
    m.put("entries", listed);
    for (String entry : bundle.keySet()) {
      if (!entry.equals(BundleIO.MANIFEST) && !entry.equals(BundleIO.MANIFEST_SHA256)
          && !used.contains(entry)) {
        throw new BundleException(name + ": entry " + BundleIO.quoted(entry)
            + " is not named by the manifest: the file is corrupt or was modified");
      }
    }
    return m;
  }

  /**
   * The pipeline this trollscan runs for the features, as JSON; null when the features are no
   * valid settings, which {@link ManifestReader#interpret} then reports.
   */
  private static Object pipeline(Map<String, Object> f) {
    try {
      FeatureSettings settings = new FeatureSettings((String) f.get("tokenizer"),
          ((Number) f.get("wordNgramMax")).intValue(), ((Number) f.get("charNgramMin")).intValue(),
          ((Number) f.get("charNgramMax")).intValue(), (Boolean) f.get("cues"),
          (Boolean) f.get("markNegatedAndQuoted"));
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .convertValue(Pipeline.of(settings), Map.class);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The SHA-256 a format 2 manifest's {@code entries} records for an entry, or null. */
  private static Object recordedSha256(Map<String, Object> manifest, Object entry) {
    for (Object o : list(manifest.get("entries"))) {
      Map<String, Object> e = object(o);
      if (e != null && entry.equals(e.get("name"))) {
        return e.get("sha256");
      }
    }
    return null;
  }

  /** A format 2 bundle's manifest.sha256 must match its manifest, as loading checked it. */
  private static void checkSealed(Map<String, Object> old, Map<String, byte[]> entries,
      byte[] manifestBytes, String name) {
    byte[] seal = entries.get(BundleIO.MANIFEST_SHA256);
    if (seal == null || !new String(seal, java.nio.charset.StandardCharsets.UTF_8)
        .equals(BundleIO.seal(manifestBytes))) {
      throw new BundleException(name + ": " + BundleIO.MANIFEST + " does not match its checksum"
          + " in " + BundleIO.MANIFEST_SHA256 + ": the file is corrupt or was modified");
    }
  }

  private static void copy(Map<String, Object> from, Map<String, Object> to, String field,
      Object absent) {
    Object o = from.get(field);
    to.put(field, o == null ? absent : o);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object o) {
    return o instanceof Map ? (Map<String, Object>) o : null;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return o instanceof List ? (List<Object>) o : List.of();
  }

  /** Every entry of a format 1 bundle, each read within the limits; a name twice is refused. */
  static Map<String, byte[]> readAll(InputStream in, String name) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    long total = 0;
    try (ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e; (e = BundleIO.nextEntry(zip, name)) != null; ) {
        if (entries.containsKey(e.getName())) {
          throw new BundleException(name + ": entry " + BundleIO.quoted(e.getName())
              + " appears twice: the file is corrupt or was modified");
        }
        byte[] bytes = BundleIO.readAtMost(zip, name, e.getName(),
            BundleIO.MAX_ENTRY_BYTES + BundleIO.MAX_MANIFEST_BYTES - total);
        total += bytes.length;
        entries.put(e.getName(), bytes);
      }
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new BundleException(name + ": not a valid model file (" + e.getMessage() + ")");
    }
    if (entries.isEmpty()) {
      throw new BundleException(name + ": not a trollscan model (not a zip bundle)");
    }
    return entries;
  }

  /** Converts the bundle named first into the file named second. */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: java -cp trollscan-cli.jar " + BundleConverter.class.getName()
          + " OLD.zip NEW.zip");
      System.exit(2);
    }
    try {
      Manifest m = convert(Path.of(args[0]), Path.of(args[1]));
      System.err.println("converted model " + m.modelVersion() + " to format "
          + m.formatVersion() + ": " + args[1]);
    } catch (BundleException e) {
      System.err.println("trollscan: " + e.getMessage());
      System.exit(4);
    }
  }
}
