package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.features.Pipeline;
import org.trollscan.model.BundleFiles;
import org.trollscan.model.BundleIO;
import org.trollscan.model.ModelBundle;
import org.trollscan.model.TinyModels;
import org.trollscan.rules.Rules;

/**
 * The HTML tags and the leet table are rule entries of a bundle like the word lists: written at
 * training, read at scoring, checksummed; a bundle trained before they were (the model shipped on
 * 2026-11-29 among them) scores with the tables of that time.
 */
class CharacterTablesBundleTest {
  /** Posts whose tokens depend on the tables: tags, leetspeak, curly quotes. */
  static final String POSTS = "ring social<br>services on her\nr<b>e</b>port her\n"
      + "r3p0rt her to the c0unc1l\ns0c1al s3rv1ces need to take her kids\nlovely photo\n"
      + "don\u2019t \u201cring social services on her\u201d\n";

  @TempDir Path dir;

  private Cli.Result score(Path bundle) {
    return Cli.runWithStdin(POSTS, "score", "--model", bundle.toString(), "--format", "text",
        "-");
  }

  @Test
  void trainingWritesTheTablesAndThePipelineNamesThemWhereTheyAreRead() throws IOException {
    List<BundleFiles.Entry> entries = BundleFiles.entries(TinyModels.shared());
    for (String file : Rules.TABLES_OLDER_BUNDLES_LACK.keySet()) {
      assertArrayEquals(Rules.fromClasspath().files().get(file),
          BundleFiles.get(entries, Pipeline.entry(file)), file);
    }
    Pipeline p = BundleIO.load(TinyModels.shared()).manifest().pipeline();
    assertEquals(List.of("rules/html-breaking-tags.txt", "rules/html-inline-tags.txt"),
        p.normalization().get(1).rules());
    assertEquals(List.of("rules/quote-marks.txt"), p.normalization().get(3).rules());
    assertEquals(List.of("rules/cues.txt", "rules/deobfuscation-extra.txt", "rules/leet.txt"),
        p.normalization().get(7).rules());
  }

  @Test
  void aBundleWithoutTheTablesScoresAsTheSameBundleWithThem() throws IOException {
    Path older = BundleFiles.write(dir.resolve("older.zip"),
        BundleFiles.withoutCharacterTables(BundleFiles.entries(TinyModels.shared())));
    ModelBundle loaded = BundleIO.load(older);
    assertFalse(loaded.manifest().entries().stream()
        .anyMatch(e -> e.name().equals("rules/leet.txt")));
    Cli.Result now = score(TinyModels.shared());
    Cli.Result before = score(older);
    assertEquals(ExitCodes.OK, before.exitCode(), before.err());
    assertEquals(now.out(), before.out());
  }

  @Test
  void theModelShippedBeforeTheTablesHasNoneAndIsScoredWithThoseOfItsTime() throws IOException {
    // The default model of 2026.11.29 (format 3 without these files), kept as a fixture.
    ModelBundle shipped = BundleIO.load(
        Path.of("src/test/resources/model/trollscan-2026.11.29-40.zip"));
    assertFalse(shipped.manifest().entries().stream()
        .anyMatch(e -> e.name().startsWith("rules/html-")), "re-saving it is not needed");
    assertEquals(Rules.fromClasspath().lexicons().characterTables(),
        shipped.rules().lexicons().characterTables());
  }

  @Test
  void theBundlesTableDecidesNotThisTrollscans() throws IOException {
    List<BundleFiles.Entry> entries = BundleFiles.entries(TinyModels.shared());
    // A resealed bundle whose leet table reads nothing: what a model trained with that table
    // scores like. Its scores must differ from the original's on leetspeak, and only there.
    Path edited = BundleFiles.write(dir.resolve("leet.zip"), BundleFiles.reseal(
        BundleFiles.replace(entries, "rules/leet.txt",
            "# nothing\n% o\n".getBytes(StandardCharsets.UTF_8))));
    String[] original = score(TinyModels.shared()).out().split("\n");
    Cli.Result r = score(edited);
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    String[] changed = r.out().split("\n");
    assertEquals(original[0], changed[0], "the header");
    assertEquals(original[1], changed[1], "no leetspeak in 'ring social<br>services on her'");
    assertNotEquals(original[3], changed[3], "'r3p0rt her to the c0unc1l' reads otherwise");
  }

  @Test
  void anEditedTableEntryIsRefusedWithExit4() throws IOException {
    List<BundleFiles.Entry> entries = BundleFiles.entries(TinyModels.shared());
    String leet = new String(BundleFiles.get(entries, "rules/leet.txt"), StandardCharsets.UTF_8);
    Path bundle = BundleFiles.write(dir.resolve("edited.zip"), BundleFiles.replace(entries,
        "rules/leet.txt", leet.replace("\n3 e\n", "\n3 a\n").getBytes(StandardCharsets.UTF_8)));
    Cli.Result r = score(bundle);
    assertEquals(ExitCodes.MODEL, r.exitCode(), r.err());
    assertEquals("trollscan: " + bundle + ": entry 'rules/leet.txt' does not match its checksum:"
        + " the file is corrupt or was modified\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void aResealedTableThatDoesNotParseIsRefusedByLineWithExit4() throws IOException {
    List<BundleFiles.Entry> entries = BundleFiles.entries(TinyModels.shared());
    Path bundle = BundleFiles.write(dir.resolve("bad.zip"), BundleFiles.reseal(BundleFiles
        .replace(entries, "rules/html-inline-tags.txt",
            "a\nspan\n<b>\n".getBytes(StandardCharsets.UTF_8))));
    Cli.Result r = score(bundle);
    assertEquals(ExitCodes.MODEL, r.exitCode(), r.err());
    assertEquals("trollscan: " + bundle + ": entry 'rules/html-inline-tags.txt' line 3: '<b>'"
        + " is no tag name; allowed: a lower-case letter, then lower-case letters or digits, at"
        + " most 12 characters\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void anAddedTableEntryIsRefusedWithExit4() throws IOException {
    List<BundleFiles.Entry> entries = new java.util.ArrayList<>(
        BundleFiles.entries(TinyModels.shared()));
    entries.add(new BundleFiles.Entry("rules/leet-extra.txt",
        "% o\n".getBytes(StandardCharsets.UTF_8)));
    Path bundle = BundleFiles.write(dir.resolve("added.zip"), BundleFiles.editManifest(entries,
        m -> ((ArrayNode) m.get("entries")).addObject().put("name", "rules/leet-extra.txt")
            .put("sha256", "0".repeat(64)).put("bytes", 0)));
    Cli.Result r = score(bundle);
    assertEquals(ExitCodes.MODEL, r.exitCode(), r.err());
    assertTrue(r.err().contains("'rules/leet-extra.txt' is used by no label and is no rule file"),
        r.err());
    assertEquals("", r.out());
  }

  @Test
  void aBundleLackingATableItsPipelineNamesIsRefusedWithExit4() throws IOException {
    List<BundleFiles.Entry> entries = BundleFiles.entries(TinyModels.shared());
    List<BundleFiles.Entry> without = new java.util.ArrayList<>(entries.stream()
        .filter(e -> !e.name().equals("rules/leet.txt")).toList());
    Path bundle = BundleFiles.write(dir.resolve("lacking.zip"), BundleFiles.editManifest(without,
        m -> ((ArrayNode) m.get("entries")).removeIf(
            e -> e.get("name").asText().equals("rules/leet.txt"))));
    Cli.Result r = score(bundle);
    assertEquals(ExitCodes.MODEL, r.exitCode(), r.err());
    assertTrue(r.err().contains("invalid manifest.json: pipeline is not the one this trollscan"
        + " runs for these features"), r.err());
    assertEquals("", r.out());
  }
}
