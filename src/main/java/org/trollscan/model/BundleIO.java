package org.trollscan.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.GenericModelWriter;
import org.trollscan.ToolVersion;
import org.trollscan.text.Lexicons;

/**
 * Reads and writes model bundles: a zip holding {@code manifest.json} and one OpenNLP binary
 * maxent model per label. Reading verifies the format version and every entry's SHA-256 before
 * parsing it, and never uses Java deserialisation, so a foreign or tampered file is refused with
 * a clear message instead of being interpreted.
 */
public final class BundleIO {
  public static final String MANIFEST = "manifest.json";
  /** Where the shipped default model sits on the classpath (copied from models/ by the build). */
  public static final String DEFAULT_RESOURCE = "/models/trollscan-default.zip";
  private static final long MAX_ENTRY_BYTES = 256L << 20;

  /** Writes manifests; a holder, so that loading a bundle never builds an ObjectMapper. */
  private static final class ManifestWriter {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  private BundleIO() {}

  /** Serialises each label model and writes bundle + manifest; returns the manifest written. */
  public static Manifest write(Manifest draft, Map<Label, AbstractModel> models, Path target) {
    try {
      Map<String, byte[]> entries = new HashMap<>();
      List<Manifest.LabelEntry> labels = new ArrayList<>();
      for (Manifest.LabelEntry e : draft.labels()) {
        AbstractModel model = models.get(Label.fromColumn(e.label()));
        byte[] bytes = serialize(model);
        String entry = e.label() + ".maxent";
        entries.put(entry, bytes);
        labels.add(new Manifest.LabelEntry(e.label(), entry, sha256(bytes), e.threshold(),
            e.thresholdRule(), e.trainingRows(), e.positives(), e.crossValidation()));
      }
      Manifest manifest = new Manifest(draft.formatVersion(), draft.modelVersion(),
          draft.toolVersion(), draft.createdAt(), draft.features(), draft.lexicon(),
          draft.training(), draft.data(), labels, draft.falseReportImpliesHarassment());
      // OutputFile decides how the path is written (atomically, through a link, or refused).
      try (org.trollscan.output.OutputFile file =
          org.trollscan.output.OutputFile.open(target.toString(), null)) {
        ZipOutputStream zip = new ZipOutputStream(file.stream());
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(ManifestWriter.JSON.writeValueAsBytes(manifest));
        zip.closeEntry();
        for (Manifest.LabelEntry e : labels) {
          zip.putNextEntry(new ZipEntry(e.entry()));
          zip.write(entries.get(e.entry()));
          zip.closeEntry();
        }
        zip.finish();
        file.commit();
      }
      return manifest;
    } catch (IOException e) {
      // A failed write is an output error (exit 5); OutputFile's messages name the target.
      String m = String.valueOf(e.getMessage());
      throw new java.io.UncheckedIOException(m.startsWith(target.toString()) ? m
          : target + ": cannot write the model: " + m, e);
    }
  }

  /** Loads a bundle file. */
  public static ModelBundle load(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, path.toString(), true);
    } catch (NoSuchFileException e) {
      throw new BundleException(path + ": model file not found");
    } catch (IOException e) {
      throw new BundleException(path + ": cannot read the model: " + e.getMessage(), e);
    }
  }

  /** The default model, loaded once per process: it never changes while trollscan runs. */
  private static final class DefaultModel {
    static final java.util.concurrent.CompletableFuture<ModelBundle> LOADED =
        new java.util.concurrent.CompletableFuture<>();
    static final java.util.concurrent.atomic.AtomicBoolean STARTED =
        new java.util.concurrent.atomic.AtomicBoolean();

    static void loadOnce() {
      if (STARTED.compareAndSet(false, true)) {
        try {
          LOADED.complete(readDefault());
        } catch (Throwable e) { // even an Error must reach the waiting thread, or it waits forever
          LOADED.completeExceptionally(e);
        }
      }
    }
  }

  /**
   * Starts loading the default model on a background thread. A one-post run spends a third of
   * its time parsing arguments and a third loading the model; on two cores they can overlap.
   * {@link #loadDefault()} then waits for this load instead of starting its own.
   */
  public static void prefetchDefault() {
    Thread t = new Thread(DefaultModel::loadOnce, "trollscan-model-prefetch");
    t.setDaemon(true);
    t.start();
  }

  /** The default model shipped inside the trollscan jar (loaded on first use, then kept). */
  public static ModelBundle loadDefault() {
    DefaultModel.loadOnce();
    try {
      return DefaultModel.LOADED.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  private static ModelBundle readDefault() {
    try (InputStream in = BundleIO.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new BundleException("the default model is not in this build (" + DEFAULT_RESOURCE
            + "); train one with 'trollscan train' and pass it with --model");
      }
      // Checksums guard model files given with --model. The shipped model is guarded by the
      // jar's CRC-32s and by the tests, which load models/trollscan-default.zip with them; and
      // whoever can modify the jar can modify the check. Skipping it here saves about 0.02 s of
      // a one-post run (SHA-256 of 4.7 MB on the C1 compiler, on the start-up's critical path).
      return read(in, "default model", false);
    } catch (IOException e) {
      throw new BundleException("default model: cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads only the manifest of the shipped default model, or null when there is none. */
  public static Manifest defaultManifest() {
    try (InputStream in = BundleIO.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        return null;
      }
      byte[] manifest = readEntries(in, "default model").get(MANIFEST);
      return manifest == null ? null : ManifestReader.read(manifest);
    } catch (IOException | BundleException e) {
      return null;
    }
  }

  /** Reads a bundle; {@code verifyChecksums} checks each label model against the manifest. */
  static ModelBundle read(InputStream in, String name, boolean verifyChecksums)
      throws IOException {
    Map<String, byte[]> entries = readEntries(in, name);
    byte[] manifestBytes = entries.get(MANIFEST);
    if (manifestBytes == null) {
      throw new BundleException(name + ": not a trollscan model (no " + MANIFEST + ")");
    }
    Manifest manifest;
    try {
      manifest = ManifestReader.read(manifestBytes);
    } catch (IOException e) {
      throw new BundleException(name + ": corrupt manifest: " + e.getMessage());
    }
    if (manifest.formatVersion() != Manifest.FORMAT_VERSION) {
      throw new BundleException(name + ": model format " + manifest.formatVersion()
          + " is not supported by this trollscan (it reads format " + Manifest.FORMAT_VERSION
          + "); retrain the model or use a matching trollscan version");
    }
    if (manifest.labels() == null || manifest.labels().isEmpty() || manifest.features() == null) {
      throw new BundleException(name + ": corrupt manifest: no labels or feature settings");
    }
    if (!Lexicons.standard().fingerprint().equals(manifest.lexicon())) {
      throw new BundleException(name + ": the model was trained with different cue lexicons than"
          + " this trollscan has (" + manifest.toolVersion() + " vs " + ToolVersion.get()
          + "); retrain it with this version");
    }
    Map<Label, LabelModel> models = new EnumMap<>(Label.class);
    for (Manifest.LabelEntry e : manifest.labels()) {
      Label label = Label.fromColumn(e.label());
      if (label == null) {
        throw new BundleException(name + ": unknown label '" + e.label() + "' in the manifest");
      }
      if (entries.get(e.entry()) == null) {
        throw new BundleException(name + ": entry " + e.entry() + " is missing");
      }
      if (models.put(label, new LabelModel(label, e.threshold())) != null) {
        throw new BundleException(name + ": label '" + e.label() + "' twice in the manifest");
      }
    }
    // Checking and reading the label models is most of the start-up time; they are independent,
    // so each label's on its own thread.
    List<MaxentWeightsReader.LabelWeights> read = manifest.labels().parallelStream()
        .map(e -> weights(entries.get(e.entry()), e, name, verifyChecksums)).toList();
    Map<Label, MaxentWeightsReader.LabelWeights> weights = new EnumMap<>(Label.class);
    for (int i = 0; i < read.size(); i++) {
      weights.put(Label.fromColumn(manifest.labels().get(i).label()), read.get(i));
    }
    // In Label order, as ModelBundle lists its labels: CompiledWeights numbers them that way.
    return new ModelBundle(manifest, models, new CompiledWeights(List.copyOf(weights.values())));
  }

  /** A bundle's zip entries by name; {@code name} names the bundle in error messages. */
  static Map<String, byte[]> readEntries(InputStream in, String name) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        for (int n; (n = zip.read(chunk)) > 0; ) {
          buf.write(chunk, 0, n);
          if (buf.size() > MAX_ENTRY_BYTES) {
            throw new BundleException(name + ": entry " + e.getName() + " is too large");
          }
        }
        entries.put(e.getName(), buf.toByteArray());
      }
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new BundleException(name + ": not a valid model file (" + e.getMessage() + ")");
    }
    if (entries.isEmpty()) {
      throw new BundleException(name + ": not a trollscan model (not a zip bundle)");
    }
    return entries;
  }

  /** A model in OpenNLP's binary format, as a bundle entry holds it. */
  static byte[] serialize(AbstractModel model) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(buf)) {
      new GenericModelWriter(model, out).persist();
    }
    return buf.toByteArray();
  }

  private static MaxentWeightsReader.LabelWeights weights(byte[] bytes, Manifest.LabelEntry e,
      String name, boolean verifyChecksum) {
    if (verifyChecksum && !sha256(bytes).equals(e.sha256())) {
      throw new BundleException(name + ": entry " + e.entry()
          + " does not match its checksum: the file is corrupt or was modified");
    }
    return MaxentWeightsReader.read(bytes, name + ":" + e.entry());
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The SHA-256 of a file, streamed. */
  public static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] chunk = new byte[1 << 16];
      for (int n; (n = in.read(chunk)) > 0; ) {
        md.update(chunk, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
