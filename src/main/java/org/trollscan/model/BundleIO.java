package org.trollscan.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
import org.trollscan.features.Pipeline;
import org.trollscan.rules.RuleException;
import org.trollscan.rules.Rules;

/**
 * Reads and writes model bundles: a zip holding {@code manifest.json}, its checksum
 * {@code manifest.sha256}, one OpenNLP binary maxent model per label and the rule files
 * ({@code rules/*.txt}), each listed in the manifest with its SHA-256 and size. Reading checks the
 * format version, the manifest's checksum and every value in it, and each entry's size and SHA-256
 * before parsing it; it never uses Java deserialisation. So a bundle is either exactly what was
 * trained or refused with a clear message (docs/model-bundle.md).
 */
public final class BundleIO {
  public static final String MANIFEST = "manifest.json";
  /** The manifest's checksum, the second entry: a line as {@code sha256sum} writes it. */
  public static final String MANIFEST_SHA256 = "manifest.sha256";
  /** Where the shipped default model sits on the classpath (copied from models/ by the build). */
  public static final String DEFAULT_RESOURCE = "/models/trollscan-default.zip";
  /** The largest manifest read (the shipped one has 3 kB). */
  static final long MAX_MANIFEST_BYTES = 1L << 20;
  /**
   * The most bytes the entries other than the manifest may hold together, inflated: 32 MiB, seven
   * times the shipped model's 4.7 MB. With {@link MaxentWeightsReader#MAX_PREDICATES}, it keeps
   * a loaded bundle well inside the launcher's 256 MiB heap (docs/model-bundle.md, "Limits").
   */
  static final long MAX_ENTRY_BYTES = 32L << 20;
  /** The most entries a manifest may list. */
  static final int MAX_ENTRIES = 64;

  /** Writes manifests; a holder, so that loading a bundle never builds an ObjectMapper. */
  private static final class ManifestWriter {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  private BundleIO() {}

  /**
   * Serialises each label model and writes the bundle: manifest, its checksum, the label models
   * and the rule files of {@code rules}; returns the manifest written.
   */
  public static Manifest write(Manifest draft, Map<Label, AbstractModel> models, Rules rules,
      Path target) {
    return write(draft, models, null, rules, target);
  }

  /** The bundle's entry holding the context stage's false_report model. */
  public static final String CONTEXT_ENTRY = "context-false_report.maxent";
  /** The bundle's entry holding the context stage's harassment model, when it has one. */
  public static final String CONTEXT_HARASSMENT_ENTRY = "context-harassment.maxent";

  /**
   * As {@link #write(Manifest, Map, Rules, Path)}, with a context stage when {@code context} is
   * not null: its model becomes entry {@link #CONTEXT_ENTRY} and the draft's context block
   * (whose entry name is ignored) describes it.
   */
  public static Manifest write(Manifest draft, Map<Label, AbstractModel> models,
      org.trollscan.context.ContextModel context, Rules rules, Path target) {
    return write(draft, models, context, null, rules, target);
  }

  /**
   * As {@link #write(Manifest, Map, org.trollscan.context.ContextModel, Rules, Path)}, with the
   * context stage's harassment model too when {@code contextHarassment} is not null (entry
   * {@link #CONTEXT_HARASSMENT_ENTRY}, named by the block's {@code harassmentEntry}); null for
   * harassment implied, which writes the manifest exactly as a bundle without the option.
   */
  public static Manifest write(Manifest draft, Map<Label, AbstractModel> models,
      org.trollscan.context.ContextModel context,
      org.trollscan.context.ContextModel contextHarassment, Rules rules, Path target) {
    if (contextHarassment != null && context == null) {
      throw new IllegalArgumentException("a harassment context model needs a context stage");
    }
    Map<String, byte[]> labelEntries = new java.util.LinkedHashMap<>();
    for (Manifest.LabelEntry e : draft.labels()) {
      try {
        labelEntries.put(e.label(), serialize(models.get(Label.fromColumn(e.label()))));
      } catch (IOException ex) {
        throw new java.io.UncheckedIOException(target + ": cannot write the model: "
            + ex.getMessage(), ex);
      }
    }
    return writeEntries(draft, labelEntries, context == null ? null : context.bytes(),
        contextHarassment == null ? null : contextHarassment.bytes(), rules, target);
  }

  /**
   * Writes a bundle whose label models are given as the bytes of their entries, by label name
   * (the converter keeps them byte for byte); returns the manifest written.
   */
  static Manifest writeEntries(Manifest draft, Map<String, byte[]> labelModels, Rules rules,
      Path target) {
    return writeEntries(draft, labelModels, null, null, rules, target);
  }

  private static Manifest writeEntries(Manifest draft, Map<String, byte[]> labelModels,
      byte[] contextModel, byte[] contextHarassmentModel, Rules rules, Path target) {
    if ((contextModel == null) != (draft.context() == null)) {
      throw new IllegalArgumentException("a context model needs a context block and back");
    }
    try {
      // In the order they are written: the manifest, its checksum, then what the manifest lists.
      Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
      List<Manifest.LabelEntry> labels = new ArrayList<>();
      List<Manifest.Entry> listed = new ArrayList<>();
      Map<String, byte[]> contents = new java.util.LinkedHashMap<>();
      for (Manifest.LabelEntry e : draft.labels()) {
        byte[] bytes = labelModels.get(e.label());
        String entry = e.label() + ".maxent";
        contents.put(entry, bytes);
        listed.add(new Manifest.Entry(entry, sha256(bytes), bytes.length));
        labels.add(new Manifest.LabelEntry(e.label(), entry, null, e.threshold(),
            e.thresholdRule(), e.trainingRows(), e.positives(), e.crossValidation()));
      }
      rules.files().forEach((file, bytes) -> {
        String entry = Pipeline.entry(file);
        contents.put(entry, bytes);
        listed.add(new Manifest.Entry(entry, sha256(bytes), bytes.length));
      });
      Manifest.Context context = null;
      if (contextModel != null) {
        Manifest.Context c = draft.context();
        contents.put(CONTEXT_ENTRY, contextModel);
        listed.add(new Manifest.Entry(CONTEXT_ENTRY, sha256(contextModel), contextModel.length));
        String harassmentEntry = null;
        if (contextHarassmentModel != null) {
          harassmentEntry = CONTEXT_HARASSMENT_ENTRY;
          contents.put(harassmentEntry, contextHarassmentModel);
          listed.add(new Manifest.Entry(harassmentEntry, sha256(contextHarassmentModel),
              contextHarassmentModel.length));
        }
        context = c.withEntries(CONTEXT_ENTRY, harassmentEntry);
      }
      Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, draft.modelVersion(),
          draft.toolVersion(), draft.createdAt(), draft.features(),
          Pipeline.of(draft.features(), draft.pipeline().settings()), draft.training(),
          draft.data(), labels, draft.falseReportImpliesHarassment(), listed, context);
      byte[] manifestBytes = ManifestWriter.JSON.writeValueAsBytes(manifest);
      try {
        ManifestReader.read(manifestBytes); // never write a bundle that loading would refuse
      } catch (IOException e) {
        throw new BundleException(target + ": cannot write the model: " + e.getMessage());
      }
      entries.put(MANIFEST, manifestBytes);
      entries.put(MANIFEST_SHA256, seal(manifestBytes).getBytes(StandardCharsets.UTF_8));
      entries.putAll(contents);
      // OutputFile decides how the path is written (atomically, through a link, or refused).
      try (org.trollscan.files.OutputFile file =
          org.trollscan.files.OutputFile.open(target.toString(), null)) {
        ZipOutputStream zip = new ZipOutputStream(file.stream());
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
          zip.putNextEntry(new ZipEntry(e.getKey()));
          zip.write(e.getValue());
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
      return in == null ? null : readContents(in, "default model", false, true).manifest();
    } catch (IOException | BundleException e) {
      return null;
    }
  }

  /**
   * Reads a bundle; {@code verifyChecksums} checks the label models' SHA-256 against the manifest
   * (the manifest's own checksum is always checked: 3 kB cost nothing).
   */
  static ModelBundle read(InputStream in, String name, boolean verifyChecksums)
      throws IOException {
    Contents contents = readContents(in, name, false);
    Manifest manifest = contents.manifest();
    Rules rules = rules(contents, name);
    Map<Label, LabelModel> models = new EnumMap<>(Label.class);
    for (Manifest.LabelEntry e : manifest.labels()) {
      models.put(Label.fromColumn(e.label()), new LabelModel(Label.fromColumn(e.label()),
          e.threshold()));
    }
    Map<String, Manifest.Entry> recorded = new HashMap<>();
    manifest.entries().forEach(e -> recorded.put(e.name(), e));
    // Checking and reading the label models is most of the start-up time; they are independent,
    // so each label's on its own thread.
    List<MaxentWeightsReader.LabelWeights> read = manifest.labels().parallelStream()
        .map(e -> weights(contents.entries().get(e.entry()), recorded.get(e.entry()), name,
            verifyChecksums))
        .toList();
    Map<Label, MaxentWeightsReader.LabelWeights> weights = new EnumMap<>(Label.class);
    long predicates = 0;
    for (int i = 0; i < read.size(); i++) {
      weights.put(Label.fromColumn(manifest.labels().get(i).label()), read.get(i));
      predicates += read.get(i).hashes().length;
    }
    if (predicates > MaxentWeightsReader.MAX_PREDICATES) {
      throw new BundleException(name + ": the label models hold " + predicates
          + " predicates together; allowed: at most " + MaxentWeightsReader.MAX_PREDICATES);
    }
    // In Label order, as ModelBundle lists its labels: CompiledWeights numbers them that way.
    return new ModelBundle(manifest, models, new CompiledWeights(List.copyOf(weights.values())),
        rules, context(contents, name), contextHarassment(contents, name));
  }

  /**
   * The context stage's model, or null for a bundle without one; checked against its SHA-256
   * even in the shipped model (it is a few kilobytes).
   */
  static org.trollscan.context.ContextModel context(Contents contents, String name) {
    Manifest.Context c = contents.manifest().context();
    return c == null ? null : contextModel(contents, c.entry(), name);
  }

  /**
   * The context stage's harassment model, or null when harassment in context is implied (no
   * context stage, or a block without {@code harassmentEntry}); checked as {@link #context}.
   */
  static org.trollscan.context.ContextModel contextHarassment(Contents contents, String name) {
    Manifest.Context c = contents.manifest().context();
    return c == null || c.harassmentEntry() == null ? null
        : contextModel(contents, c.harassmentEntry(), name);
  }

  private static org.trollscan.context.ContextModel contextModel(Contents contents, String entry,
      String name) {
    Manifest.Entry recorded = contents.manifest().entries().stream()
        .filter(e -> e.name().equals(entry)).findFirst().orElseThrow();
    byte[] bytes = contents.entries().get(entry);
    checkDigest(bytes, recorded, name);
    try {
      return org.trollscan.context.ContextModel.read(bytes);
    } catch (IOException | RuntimeException e) {
      // Some of OpenNLP's reader's exceptions carry no message: name the kind instead of "null".
      throw new BundleException(name + ": entry " + quoted(entry)
          + " is not a valid context model: " + (e.getMessage() != null ? e.getMessage()
              : "unreadable (" + e.getClass().getSimpleName() + ")"));
    }
  }

  /**
   * The rules in a bundle's rule entries, each checked against its SHA-256 even in the shipped
   * model (they are small, and they decide the features as much as the weights do).
   */
  static Rules rules(Contents contents, String name) {
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    for (Manifest.Entry e : contents.manifest().entries()) {
      if (e.name().startsWith(Pipeline.RULES_FOLDER)) {
        byte[] bytes = contents.entries().get(e.name());
        checkDigest(bytes, e, name);
        files.put(e.name().substring(Pipeline.RULES_FOLDER.length()), bytes);
      }
    }
    try {
      return Rules.ofBundle(files);
    } catch (RuleException e) {
      throw new BundleException(name + ": entry " + quoted(Pipeline.entry(e.file()))
          + (e.line() > 0 ? " line " + e.line() : "") + ": " + e.problem());
    }
  }

  /** A bundle's checked manifest and the bytes of the entries it names. */
  record Contents(Manifest manifest, Map<String, byte[]> entries) {}

  /**
   * Reads a bundle's manifest and entries in one pass, refusing anything that is not exactly a
   * bundle of the current format: the manifest first, then its checksum, then each entry the
   * manifest lists, once, in any order. Nothing is trusted before it is checked and no read is
   * longer than a limit counted on the bytes actually inflated: the manifest has at most
   * {@link #MAX_MANIFEST_BYTES}, and each entry exactly the length the (checked) manifest records.
   * With {@code verifyEntries}, each entry's SHA-256 is checked here too; otherwise the caller
   * checks it (see {@link #read}). {@code name} names the bundle in error messages.
   */
  static Contents readContents(InputStream in, String name, boolean verifyEntries)
      throws IOException {
    return readContents(in, name, verifyEntries, false);
  }

  private static Contents readContents(InputStream in, String name, boolean verifyEntries,
      boolean manifestOnly) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(in)) {
      ZipEntry first = nextEntry(zip, name);
      if (first == null) {
        throw new BundleException(name + ": not a trollscan model (not a zip bundle)");
      }
      if (!first.getName().equals(MANIFEST)) {
        throw new BundleException(name + ": not a trollscan model (its first entry is "
            + quoted(first.getName()) + ", not " + MANIFEST + ")");
      }
      byte[] manifestBytes = readAtMost(zip, name, MANIFEST, MAX_MANIFEST_BYTES);
      Map<String, Object> json;
      int version;
      try {
        json = ManifestReader.parse(manifestBytes);
        version = ManifestReader.formatVersion(json);
      } catch (IOException e) {
        throw new BundleException(name + ": corrupt " + MANIFEST + ": " + e.getMessage());
      }
      checkFormat(version, name);
      ZipEntry second = nextEntry(zip, name);
      if (second == null || !second.getName().equals(MANIFEST_SHA256)) {
        throw new BundleException(name + ": " + MANIFEST_SHA256 + " is missing (it must follow "
            + MANIFEST + "): the file is corrupt or was modified");
      }
      String seal = new String(readAtMost(zip, name, MANIFEST_SHA256, 256),
          StandardCharsets.UTF_8);
      if (!seal.equals(seal(manifestBytes))) {
        throw new BundleException(name + ": " + MANIFEST + " does not match its checksum in "
            + MANIFEST_SHA256 + ": the file is corrupt or was modified");
      }
      Manifest manifest;
      try {
        manifest = ManifestReader.interpret(json);
      } catch (IOException e) {
        throw new BundleException(name + ": invalid " + MANIFEST + ": " + e.getMessage());
      }
      if (manifestOnly) {
        return new Contents(manifest, Map.of());
      }
      Map<String, Manifest.Entry> recorded = new HashMap<>();
      manifest.entries().forEach(e -> recorded.put(e.name(), e));
      Map<String, byte[]> entries = new HashMap<>();
      for (ZipEntry e; (e = nextEntry(zip, name)) != null; ) {
        String entry = e.getName();
        if (entries.containsKey(entry) || entry.equals(MANIFEST)
            || entry.equals(MANIFEST_SHA256)) {
          // ZipInputStream reads every copy; which one a reader keeps must never be a question.
          throw new BundleException(name + ": entry " + quoted(entry)
              + " appears twice: the file is corrupt or was modified");
        }
        Manifest.Entry expected = recorded.get(entry);
        if (expected == null) {
          throw new BundleException(name + ": entry " + quoted(entry)
              + " is not listed in the manifest: the file is corrupt or was modified");
        }
        byte[] bytes = readExactly(zip, name, expected);
        if (verifyEntries) {
          checkDigest(bytes, expected, name);
        }
        entries.put(entry, bytes);
      }
      for (Manifest.Entry e : manifest.entries()) {
        if (!entries.containsKey(e.name())) {
          throw new BundleException(name + ": entry " + quoted(e.name()) + " is missing");
        }
      }
      return new Contents(manifest, entries);
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new BundleException(name + ": not a valid model file (" + e.getMessage() + ")");
    }
  }

  /**
   * The next entry's header. A name that is not valid UTF-8 (in an entry flagged UTF-8) makes
   * ZipInputStream throw IllegalArgumentException, which is a damaged file, not a usage error.
   */
  static ZipEntry nextEntry(ZipInputStream zip, String name) throws IOException {
    try {
      return zip.getNextEntry();
    } catch (IllegalArgumentException e) {
      throw new BundleException(name + ": not a valid model file (an entry name is not valid"
          + " UTF-8): the file is corrupt or was modified");
    }
  }

  private static void checkFormat(int version, String name) {
    if (version == 1) {
      throw new BundleException(name + ": model format 1 does not checksum its manifest, so"
          + " this trollscan cannot tell whether its thresholds and settings are the ones it was"
          + " trained with; retrain it with 'trollscan train', or, if you trust the file, convert"
          + " it: java -cp trollscan-cli.jar " + BundleConverter.class.getName() + " "
          + name + " NEW.zip (see docs/model-bundle.md)");
    }
    if (version == 2) {
      throw new BundleException(name + ": model format 2 does not carry its rule files (the"
          + " lexicons and word lists its features were computed with); if it was trained by a"
          + " trollscan with this version's rules (the shipped model was), convert it: java -cp"
          + " trollscan-cli.jar " + BundleConverter.class.getName() + " " + name + " NEW.zip;"
          + " otherwise retrain it with 'trollscan train' (see docs/model-bundle.md)");
    }
    if (version != Manifest.FORMAT_VERSION) {
      throw new BundleException(name + ": model format " + version
          + " is not supported by this trollscan (it reads format " + Manifest.FORMAT_VERSION
          + "); retrain the model or use a matching trollscan version");
    }
  }

  /** What manifest.sha256 holds: the manifest's digest as {@code sha256sum} prints it. */
  static String seal(byte[] manifest) {
    return sha256(manifest) + "  " + MANIFEST + "\n";
  }

  /**
   * An entry's bytes, at most {@code limit} of them; counted as they are inflated, because the
   * sizes a zip declares are whatever its writer chose to put there.
   */
  static byte[] readAtMost(ZipInputStream zip, String name, String entry, long limit)
      throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] chunk = new byte[1 << 16];
    for (int n; (n = zip.read(chunk)) > 0; ) {
      if (buf.size() + (long) n > limit) {
        throw new BundleException(name + ": entry " + quoted(entry) + " is larger than "
            + limit + " bytes, the most allowed");
      }
      buf.write(chunk, 0, n);
    }
    return buf.toByteArray();
  }

  /**
   * An entry's bytes, which must be exactly as many as the manifest records. The buffer has the
   * recorded size up front: the manifest is checked by then, so all entries together hold at most
   * {@link #MAX_ENTRY_BYTES} (the zip's own size fields are never used).
   */
  private static byte[] readExactly(ZipInputStream zip, String name, Manifest.Entry expected)
      throws IOException {
    byte[] bytes = new byte[(int) expected.bytes()];
    int n = zip.readNBytes(bytes, 0, bytes.length);
    if (n < bytes.length) {
      throw new BundleException(name + ": entry " + quoted(expected.name()) + " has " + n
          + " bytes, not the " + expected.bytes() + " its manifest records: the file is corrupt"
          + " or was modified");
    }
    if (zip.read() >= 0) {
      throw new BundleException(name + ": entry " + quoted(expected.name()) + " is longer than"
          + " the " + expected.bytes() + " bytes its manifest records: the file is corrupt or"
          + " was modified");
    }
    return bytes;
  }

  private static void checkDigest(byte[] bytes, Manifest.Entry expected, String name) {
    if (!sha256(bytes).equals(expected.sha256())) {
      throw new BundleException(name + ": entry " + quoted(expected.name())
          + " does not match its checksum: the file is corrupt or was modified");
    }
  }

  /** A name from a zip as a message shows it: quoted, control characters escaped, cut short. */
  static String quoted(String s) {
    StringBuilder b = new StringBuilder("'");
    s.codePoints().limit(100).forEach(c -> {
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
        b.append(String.format("\\u%04X", c));
      } else {
        b.appendCodePoint(c);
      }
    });
    return b.append(s.codePointCount(0, s.length()) > 100 ? "...'" : "'").toString();
  }

  /** A model in OpenNLP's binary format, as a bundle entry holds it. */
  static byte[] serialize(AbstractModel model) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(buf)) {
      new GenericModelWriter(model, out).persist();
    }
    return buf.toByteArray();
  }

  private static MaxentWeightsReader.LabelWeights weights(byte[] bytes, Manifest.Entry e,
      String name, boolean verifyChecksum) {
    if (verifyChecksum) {
      checkDigest(bytes, e, name);
    }
    return MaxentWeightsReader.read(bytes, name + ":" + e.name());
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
