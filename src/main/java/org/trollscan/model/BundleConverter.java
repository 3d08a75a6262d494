package org.trollscan.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import org.trollscan.rules.Lexicons;

/**
 * Rewrites a format 1 bundle as the current format without retraining: the same label models,
 * thresholds and settings, with the manifest now checksummed and every entry listed. Format 1
 * checksummed only the label models, so converting vouches for a manifest nothing protected:
 * convert only a file you trust. The shipped model was converted with it (docs/model-bundle.md).
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
    try {
      Map<String, Object> old = ManifestReader.parse(manifestBytes);
      int version = ManifestReader.formatVersion(old);
      if (version != 1) {
        throw new BundleException(name + ": model format " + version
            + ", not 1: only format 1 bundles are converted");
      }
      manifest = ManifestReader.interpret(upgrade(old, entries, name));
    } catch (IOException e) {
      throw new BundleException(name + ": cannot convert its " + BundleIO.MANIFEST + ": "
          + e.getMessage());
    }
    Map<Label, AbstractModel> models = new EnumMap<>(Label.class);
    Map<Label, MaxentWeightsReader.LabelWeights> before = new EnumMap<>(Label.class);
    for (Manifest.LabelEntry e : manifest.labels()) {
      byte[] bytes = entries.get(e.entry());
      before.put(Label.fromColumn(e.label()), MaxentWeightsReader.read(bytes, name + ":" + e.entry()));
      try {
        models.put(Label.fromColumn(e.label()), new GenericModelReader(
            new BinaryFileDataReader(new java.io.ByteArrayInputStream(bytes))).getModel());
      } catch (IOException | RuntimeException ex) {
        throw new BundleException(name + ":" + e.entry() + ": cannot parse the maxent model: "
            + ex.getMessage(), ex);
      }
    }
    if (!Lexicons.standard().fingerprint().equals(manifest.lexicon())) {
      throw new BundleException(name + ": the model was trained with different cue lexicons than"
          + " this trollscan has (" + manifest.toolVersion() + " vs "
          + org.trollscan.ToolVersion.get() + "); retrain it with this version");
    }
    Manifest written = BundleIO.write(manifest, models, to);
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
      MaxentWeightsReader.LabelWeights old = before.get(Label.fromColumn(e.label()));
      MaxentWeightsReader.LabelWeights fresh = MaxentWeightsReader.read(now.get(e.entry()),
          to + ":" + e.entry());
      if (!Arrays.equals(old.hashes(), fresh.hashes())
          || !Arrays.equals(old.weights(), fresh.weights())) {
        throw new IllegalStateException(to + ": the converted " + e.entry()
            + " does not hold the same weights as " + name);
      }
    }
    return written;
  }

  /**
   * A format 1 manifest as a format 2 one: every field format 1 readers knew, missing ones given
   * the value those readers gave them (0, false, or the rule of the time), fields they ignored
   * left out, and the label models' checksums checked and moved to {@code entries}.
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
    }
    copy(old, m, "lexicon", null);
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
        if (!sha256.equals(l.get("sha256"))) {
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
    m.put("entries", listed);
    for (String entry : bundle.keySet()) {
      if (!entry.equals(BundleIO.MANIFEST) && !used.contains(entry)) {
        throw new BundleException(name + ": entry " + BundleIO.quoted(entry)
            + " is not named by the manifest: the file is corrupt or was modified");
      }
    }
    return m;
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
