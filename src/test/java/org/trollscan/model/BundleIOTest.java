package org.trollscan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleIOTest {
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
        ? new String(bytes).replace("\"formatVersion\" : 1", "\"formatVersion\" : 99").getBytes()
        : bytes);
    BundleException e = assertThrows(BundleException.class, () -> BundleIO.load(future));
    assertTrue(e.getMessage().contains("format 99 is not supported"), e.getMessage());
  }

  @Test
  void aModelTrainedWithOtherCueLexiconsIsRefused() throws IOException {
    Path other = rewrite("lexicon.zip", (name, bytes) -> name.equals(BundleIO.MANIFEST)
        ? new String(bytes).replaceAll("\"lexicon\" : \"[0-9a-f]+\"", "\"lexicon\" : \"00\"").getBytes()
        : bytes);
    BundleException e = assertThrows(BundleException.class, () -> BundleIO.load(other));
    assertTrue(e.getMessage().contains("different cue lexicons"), e.getMessage());
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
