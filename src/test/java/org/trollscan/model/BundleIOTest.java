package org.trollscan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.trollscan.rules.Rules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleIOTest {
  /**
   * Zeros for a bomb entry: twice what a bundle may hold, about 70 kB deflated. (The launcher's
   * 256 MiB heap against a bigger bomb is ModelBundleLauncherIT's.)
   */
  private static final long BOMB = 2 * BundleIO.MAX_ENTRY_BYTES;
  @TempDir static Path dir;
  static Path bundle;

  @BeforeAll
  static void trainTinyModel() throws IOException {
    bundle = TinyModels.shared();
  }

  @Test
  void savedBundleLoadsWithManifestAndBothLabels() {
    ModelBundle b = BundleIO.load(bundle);
    assertEquals(Manifest.FORMAT_VERSION, b.manifest().formatVersion());
    assertEquals("test-1", b.manifest().modelVersion());
    assertEquals(2, b.labels().size());
    assertEquals(1, b.manifest().data().size());
    assertEquals(24, b.manifest().data().get(0).rows());
    assertEquals(64, b.manifest().data().get(0).sha256().length());
  }

  @Test
  void saveThenLoadGivesTheSameProbabilities() throws IOException {
    ModelBundle first = BundleIO.load(bundle);
    Path copy = dir.resolve("copy.zip");
    Files.copy(bundle, copy);
    ModelBundle second = BundleIO.load(copy);
    String post = "someone ring social services on her";
    assertEquals(new Scorer(first).score(post, false).probabilities(),
        new Scorer(second).score(post, false).probabilities());
  }

  @Test
  void aMissingFileIsAClearModelError() {
    BundleException e = assertThrows(BundleException.class,
        () -> BundleIO.load(dir.resolve("nope.zip")));
    assertTrue(e.getMessage().contains("model file not found"), e.getMessage());
  }

  @Test
  void aFileThatIsNotAZipIsRefused() throws IOException {
    Path junk = dir.resolve("junk.zip");
    Files.writeString(junk, "this is not a model");
    BundleException e = assertThrows(BundleException.class, () -> BundleIO.load(junk));
    assertTrue(e.getMessage().contains("not a"), e.getMessage());
  }

  @Test
  void aTruncatedBundleIsRefused() throws IOException {
    byte[] all = Files.readAllBytes(bundle);
    Path cut = dir.resolve("cut.zip");
    Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
    assertThrows(BundleException.class, () -> BundleIO.load(cut));
  }

  @Test
  void aTamperedModelEntryFailsItsChecksum() throws IOException {
    Path tampered = rewrite("tampered.zip", (name, bytes) -> {
      if (name.endsWith(".maxent")) {
        bytes[bytes.length - 1] ^= 1;
      }
      return bytes;
    });
    BundleException e = assertThrows(BundleException.class, () -> BundleIO.load(tampered));
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
  }

  @Test
  void anUnknownFormatVersionIsRefusedWithAClearMessage() throws IOException {
    Path future = rewrite("future.zip", (name, bytes) -> name.equals(BundleIO.MANIFEST)
        ? new String(bytes).replace("\"formatVersion\" : " + Manifest.FORMAT_VERSION, "\"formatVersion\" : 99").getBytes()
        : bytes);
    BundleException e = assertThrows(BundleException.class, () -> BundleIO.load(future));
    assertTrue(e.getMessage().contains("format 99 is not supported"), e.getMessage());
  }

  /**
   * Format 2 took its rules from the trollscan that read it, so it scored differently after an
   * upgrade that touched them: it is refused with the command that converts it.
   */
  @Test
  void aFormat2BundleIsRefusedWithTheCommandThatConvertsIt() throws IOException {
    Path old = write("format2.zip", BundleConverterTest.asFormat2(BundleFiles.entries(bundle),
        Rules.fromClasspath().lexicons().fingerprint()));
    BundleException e = assertThrows(BundleException.class, () -> BundleIO.load(old));
    assertEquals(old + ": model format 2 does not carry its rule files (the lexicons and word"
        + " lists its features were computed with); if it was trained by a trollscan with this"
        + " version's rules (the shipped model was), convert it: java -cp trollscan-cli.jar"
        + " org.trollscan.model.BundleConverter " + old + " NEW.zip; otherwise retrain it with"
        + " 'trollscan train' (see docs/model-bundle.md)", e.getMessage());
  }

  @Test
  void theWrittenBundleIsTheManifestItsChecksumAndTheEntriesItListsWithTheirDigests()
      throws IOException {
    List<BundleFiles.Entry> entries = BundleFiles.entries(bundle);
    List<String> names = new java.util.ArrayList<>(List.of(BundleIO.MANIFEST,
        BundleIO.MANIFEST_SHA256, "harassment.maxent", "false_report.maxent"));
    names.addAll(org.trollscan.features.Pipeline.ruleEntries());
    assertEquals(names, entries.stream().map(BundleFiles.Entry::name).toList());
    byte[] manifest = BundleFiles.get(entries, BundleIO.MANIFEST);
    assertEquals(BundleIO.sha256(manifest) + "  manifest.json\n",
        BundleFiles.get(entries, BundleIO.MANIFEST_SHA256).length == 0 ? ""
            : new String(BundleFiles.get(entries, BundleIO.MANIFEST_SHA256),
                StandardCharsets.UTF_8));
    Manifest m = BundleIO.load(bundle).manifest();
    for (Manifest.Entry e : m.entries()) {
      byte[] bytes = BundleFiles.get(entries, e.name());
      assertEquals(BundleIO.sha256(bytes), e.sha256(), e.name());
      assertEquals(bytes.length, e.bytes(), e.name());
    }
    assertFalse(new String(manifest, StandardCharsets.UTF_8).contains("\"sha256\" : null"));
  }

  @Test
  void anEditedManifestFailsItsChecksum() throws IOException {
    Path edited = rewrite("edited.zip", (name, bytes) -> name.equals(BundleIO.MANIFEST)
        ? new String(bytes).replaceFirst("\"threshold\" : [0-9.E-]+", "\"threshold\" : 1.5")
            .getBytes()
        : bytes);
    BundleException e = assertThrows(BundleException.class, () -> BundleIO.load(edited));
    assertEquals(edited + ": manifest.json does not match its checksum in manifest.sha256: the"
        + " file is corrupt or was modified", e.getMessage());
  }

  @Test
  void theShippedModelsManifestIsCheckedEvenWhereItsEntriesAreNot() throws IOException {
    Path edited = rewrite("edited-default.zip", (name, bytes) -> name.equals(BundleIO.MANIFEST)
        ? new String(bytes).replace("\"cues\" : true", "\"cues\" : false").getBytes()
        : bytes);
    try (InputStream in = Files.newInputStream(edited)) {
      BundleException e = assertThrows(BundleException.class,
          () -> BundleIO.read(in, "default model", false));
      assertTrue(e.getMessage().contains("does not match its checksum"), e.getMessage());
    }
  }

  @Test
  void aBundleWithoutTheManifestChecksumIsRefused() throws IOException {
    List<BundleFiles.Entry> entries = new ArrayList<>(BundleFiles.entries(bundle));
    entries.removeIf(e -> e.name().equals(BundleIO.MANIFEST_SHA256));
    Path unsealed = write("unsealed.zip", entries);
    BundleException e = assertThrows(BundleException.class, () -> BundleIO.load(unsealed));
    assertTrue(e.getMessage().contains("manifest.sha256 is missing"), e.getMessage());
  }

  @Test
  void anEntryTheManifestDoesNotListIsRefusedWithoutBeingRead() throws IOException {
    List<BundleFiles.Entry> entries = new ArrayList<>(BundleFiles.entries(bundle));
    entries.add(2, BundleFiles.Entry.bomb("notes.txt", BOMB));
    Path extra = write("extra.zip", entries);
    BundleException e = assertThrows(BundleException.class, () -> BundleIO.load(extra));
    assertEquals(extra + ": entry 'notes.txt' is not listed in the manifest: the file is corrupt"
        + " or was modified", e.getMessage());
  }

  @Test
  void anEntryTwiceIsRefusedEvenWhenBothCopiesAreAlike() throws IOException {
    for (String name : List.of("harassment.maxent", BundleIO.MANIFEST, BundleIO.MANIFEST_SHA256)) {
      List<BundleFiles.Entry> entries = new ArrayList<>(BundleFiles.entries(bundle));
      entries.add(new BundleFiles.Entry(name, BundleFiles.get(entries, name)));
      Path twice = write("twice.zip", entries);
      BundleException e = assertThrows(BundleException.class, () -> BundleIO.load(twice));
      assertEquals(twice + ": entry '" + name + "' appears twice: the file is corrupt or was"
          + " modified", e.getMessage());
    }
  }

  @Test
  void anEntryTheManifestListsButTheBundleLacksIsRefused() throws IOException {
    List<BundleFiles.Entry> entries = new ArrayList<>(BundleFiles.entries(bundle));
    entries.removeIf(e -> e.name().equals("false_report.maxent"));
    Path missing = write("missing.zip", entries);
    BundleException e = assertThrows(BundleException.class, () -> BundleIO.load(missing));
    assertEquals(missing + ": entry 'false_report.maxent' is missing", e.getMessage());
  }

  @Test
  void aManifestThatIsNotTheFirstEntryIsRefused() throws IOException {
    List<BundleFiles.Entry> entries = new ArrayList<>(BundleFiles.entries(bundle));
    entries.add(0, entries.remove(2));
    Path moved = write("moved.zip", entries);
    BundleException e = assertThrows(BundleException.class, () -> BundleIO.load(moved));
    assertTrue(e.getMessage().contains("its first entry is 'harassment.maxent', not"
        + " manifest.json"), e.getMessage());
  }

  @Test
  void aBombInPlaceOfAListedEntryIsCutAtTheSizeTheManifestRecords() throws IOException {
    List<BundleFiles.Entry> entries = new ArrayList<>(BundleFiles.entries(bundle));
    entries.set(2, BundleFiles.Entry.bomb("harassment.maxent", BOMB));
    Path bomb = write("bomb.zip", entries);
    BundleException e = assertThrows(BundleException.class, () -> BundleIO.load(bomb));
    assertTrue(e.getMessage().startsWith(bomb + ": entry 'harassment.maxent' is longer than the"),
        e.getMessage());
  }

  @Test
  void aBombManifestIsCutAtItsLimit() throws IOException {
    List<BundleFiles.Entry> entries = new ArrayList<>(BundleFiles.entries(bundle));
    entries.set(0, BundleFiles.Entry.bomb(BundleIO.MANIFEST, BOMB));
    Path bomb = write("bomb-manifest.zip", entries);
    BundleException e = assertThrows(BundleException.class, () -> BundleIO.load(bomb));
    assertEquals(bomb + ": entry 'manifest.json' is larger than 1048576 bytes, the most allowed",
        e.getMessage());
  }

  @Test
  void anEntryShorterThanTheManifestRecordsIsRefused() throws IOException {
    List<BundleFiles.Entry> entries = BundleFiles.entries(bundle);
    byte[] model = BundleFiles.get(entries, "harassment.maxent");
    Path cut = write("short.zip", BundleFiles.replace(entries, "harassment.maxent",
        java.util.Arrays.copyOf(model, model.length - 1)));
    BundleException e = assertThrows(BundleException.class, () -> BundleIO.load(cut));
    assertEquals(cut + ": entry 'harassment.maxent' has " + (model.length - 1) + " bytes, not the "
        + model.length + " its manifest records: the file is corrupt or was modified",
        e.getMessage());
  }

  @Test
  void aResealedModelDeclaringBillionsOfPredicatesIsRefusedBeforeAnythingIsAllocated()
      throws IOException {
    for (int declared : new int[] {Integer.MAX_VALUE, 999_999}) {
      Path huge = write("huge.zip", BundleFiles.reseal(BundleFiles.replace(
          BundleFiles.entries(bundle), "harassment.maxent",
          BundleFiles.maxentDeclaring(declared))));
      BundleException e = assertThrows(BundleException.class, () -> BundleIO.load(huge));
      assertTrue(e.getMessage().startsWith(huge + ":harassment.maxent: cannot parse the maxent"
          + " model: it declares " + declared + " "), e.getMessage());
    }
  }

  @Test
  void aManifestValueOutOfRangeIsRefusedNamingTheBundleTheFieldAndTheRange() throws IOException {
    Path resealed = write("threshold.zip", BundleFiles.editManifest(BundleFiles.entries(bundle),
        m -> ((com.fasterxml.jackson.databind.node.ObjectNode) m.get("labels").get(1))
            .put("threshold", -1)));
    BundleException e = assertThrows(BundleException.class, () -> BundleIO.load(resealed));
    assertEquals(resealed + ": invalid manifest.json: labels[1].threshold is -1; allowed: a number"
        + " from 0 to 1", e.getMessage());
  }

  @Test
  void anEntryNameThatIsNotUtf8IsADamagedModelNotAUsageError() throws IOException {
    byte[] zip = Files.readAllBytes(bundle);
    byte[] name = BundleIO.MANIFEST.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; ; i++) { // the first copy of the name is the manifest's local header
      if (java.util.Arrays.equals(zip, i, i + name.length, name, 0, name.length)) {
        zip[i + name.length - 1] = (byte) 0xff;
        break;
      }
    }
    Path damaged = Files.write(dir.resolve("not-utf8.zip"), zip);
    BundleException e = assertThrows(BundleException.class, () -> BundleIO.load(damaged));
    assertEquals(damaged + ": not a valid model file (an entry name is not valid UTF-8): the file"
        + " is corrupt or was modified", e.getMessage());
  }

  @Test
  void aFormat1BundleIsRefusedWithHowToConvertOrRetrain() {
    Path old = Path.of("src/test/resources/model/format1-tiny.zip");
    BundleException e = assertThrows(BundleException.class, () -> BundleIO.load(old));
    assertTrue(e.getMessage().startsWith(old + ": model format 1 does not checksum its manifest"),
        e.getMessage());
    assertTrue(e.getMessage().contains("retrain it with 'trollscan train'"), e.getMessage());
    assertTrue(e.getMessage().contains("org.trollscan.model.BundleConverter " + old + " NEW.zip"),
        e.getMessage());
  }

  @Test
  void writingRefusesAManifestThatLoadingWouldRefuse() throws IOException {
    Manifest loaded = BundleIO.load(bundle).manifest();
    Manifest bad = new Manifest(Manifest.FORMAT_VERSION, "bad\nversion", loaded.toolVersion(),
        loaded.createdAt(), loaded.features(), loaded.pipeline(), loaded.training(), loaded.data(),
        loaded.labels(), loaded.falseReportImpliesHarassment());
    BundleException e = assertThrows(BundleException.class,
        () -> BundleIO.write(bad, new OpenNlpReference(bundle).models(), Rules.fromClasspath(),
            dir.resolve("never.zip")));
    assertTrue(e.getMessage().contains("modelVersion holds the control character U+000A"),
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("never.zip")));
  }

  private static Path write(String name, List<BundleFiles.Entry> entries) throws IOException {
    return BundleFiles.write(dir.resolve(name), entries);
  }

  interface EntryRewriter {
    byte[] rewrite(String name, byte[] bytes);
  }

  private static Path rewrite(String name, EntryRewriter f) throws IOException {
    Path out = dir.resolve(name);
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(bundle));
        OutputStream os = Files.newOutputStream(out);
        ZipOutputStream zip = new ZipOutputStream(os)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(f.rewrite(e.getName(), buf.toByteArray()));
        zip.closeEntry();
      }
    }
    return out;
  }
}
