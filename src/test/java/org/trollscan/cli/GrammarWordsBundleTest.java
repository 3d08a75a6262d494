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
 * The grammar words and endings (negation-ends.txt, verdict-that.txt, quote-block-markers.txt,
 * plural-endings.txt, object-or-possessive.txt) are rule entries of a bundle like the word lists:
 * written at training, read at scoring, checksummed; a bundle trained before they were (the
 * model shipped on 2026-11-29 among them) scores with the words of that time.
 */
class GrammarWordsBundleTest {
  private static final List<String> FILES = List.of(Rules.NEGATION_ENDS,
      Rules.QUOTE_BLOCK_MARKERS, Rules.PLURAL_ENDINGS, Rules.VERDICT_THAT,
      Rules.OBJECT_OR_POSSESSIVE);

  /** Posts whose annotations the files decide, one per line, the "but" post first. */
  static final String POSTS = "nobody should report her but ring social services on her\n"
      + "it's so cruel that someone reported her to the council\n"
      + "Bex said: ring the council on her Click to expand... absolutely not\n"
      + "someone should report Vloggers to the council\n"
      + "send her something\n";

  @TempDir Path dir;

  private Cli.Result score(Path bundle) {
    return Cli.runWithStdin(POSTS, "score", "--model", bundle.toString(), "--format", "text",
        "-");
  }

  @Test
  void trainingWritesTheFilesAndThePipelineNamesThemWhereTheyAreRead() throws IOException {
    List<BundleFiles.Entry> entries = BundleFiles.entries(TinyModels.shared());
    for (String file : FILES) {
      assertArrayEquals(Rules.fromClasspath().files().get(file),
          BundleFiles.get(entries, Pipeline.entry(file)), file);
    }
    Pipeline p = BundleIO.load(TinyModels.shared()).manifest().pipeline();
    assertEquals(List.of("rules/agreement.txt", "rules/quote-block-markers.txt"),
        p.annotators().get(1).rules());
    assertTrue(p.annotators().get(2).rules().contains("rules/plural-endings.txt"));
    assertEquals(List.of("rules/negation-ends.txt"), p.annotators().get(4).rules());
    assertTrue(p.annotators().get(5).rules().contains("rules/verdict-that.txt"));
    assertTrue(p.features().get(2).rules().contains("rules/object-or-possessive.txt"));
  }

  @Test
  void aBundleWithoutTheFilesScoresAsTheSameBundleWithThem() throws IOException {
    Path older = BundleFiles.write(dir.resolve("older.zip"),
        BundleFiles.withoutRuleFiles(BundleFiles.entries(TinyModels.shared()), FILES));
    ModelBundle loaded = BundleIO.load(older);
    assertFalse(loaded.manifest().entries().stream()
        .anyMatch(e -> e.name().equals("rules/negation-ends.txt")));
    Cli.Result now = score(TinyModels.shared());
    Cli.Result before = score(older);
    assertEquals(ExitCodes.OK, before.exitCode(), before.err());
    assertEquals(now.out(), before.out());
  }

  @Test
  void theModelShippedBeforeTheFilesHasNoneAndIsScoredWithTheWordsOfItsTime() throws IOException {
    // The default model of 2026.11.29 (format 3 without these files), kept as a fixture.
    ModelBundle shipped = BundleIO.load(
        Path.of("src/test/resources/model/trollscan-2026.11.29-40.zip"));
    for (String file : FILES) {
      assertFalse(shipped.manifest().entries().stream()
          .anyMatch(e -> e.name().equals(Pipeline.entry(file))), file);
    }
    assertEquals(Rules.fromClasspath().words(Rules.NEGATION_ENDS),
        shipped.rules().words(Rules.NEGATION_ENDS));
    assertEquals(Rules.fromClasspath().pluralEndings(), shipped.rules().pluralEndings());
  }

  @Test
  void theBundlesFileDecidesNotThisTrollscans() throws IOException {
    List<BundleFiles.Entry> entries = BundleFiles.entries(TinyModels.shared());
    // A resealed bundle whose negation scope does not end at "but": what a model trained with
    // that file scores like. Its scores must differ from the original's on the "but" post only.
    Path edited = BundleFiles.write(dir.resolve("but.zip"), BundleFiles.reseal(
        BundleFiles.replace(entries, "rules/negation-ends.txt",
            "# nothing\n".getBytes(StandardCharsets.UTF_8))));
    String[] original = score(TinyModels.shared()).out().split("\n");
    Cli.Result r = score(edited);
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    String[] changed = r.out().split("\n");
    assertEquals(original.length, changed.length);
    assertNotEquals(original[1], changed[1], "the scope runs on past 'but'");
    for (int i = 2; i < original.length; i++) {
      assertEquals(original[i], changed[i], "no 'but' in line " + i);
    }
  }

  @Test
  void anEditedEntryIsRefusedWithExit4() throws IOException {
    List<BundleFiles.Entry> entries = BundleFiles.entries(TinyModels.shared());
    String that = new String(BundleFiles.get(entries, "rules/verdict-that.txt"),
        StandardCharsets.UTF_8);
    Path bundle = BundleFiles.write(dir.resolve("edited.zip"), BundleFiles.replace(entries,
        "rules/verdict-that.txt", that.replace("\nthat\n", "\nthus\n")
            .getBytes(StandardCharsets.UTF_8)));
    Cli.Result r = score(bundle);
    assertEquals(ExitCodes.MODEL, r.exitCode(), r.err());
    assertEquals("trollscan: " + bundle + ": entry 'rules/verdict-that.txt' does not match its"
        + " checksum: the file is corrupt or was modified\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void aResealedEntryThatDoesNotParseIsRefusedByLineWithExit4() throws IOException {
    List<BundleFiles.Entry> entries = BundleFiles.entries(TinyModels.shared());
    Path bundle = BundleFiles.write(dir.resolve("bad.zip"), BundleFiles.reseal(BundleFiles
        .replace(entries, "rules/plural-endings.txt",
            "+ ves\n- as\nss\n".getBytes(StandardCharsets.UTF_8))));
    Cli.Result r = score(bundle);
    assertEquals(ExitCodes.MODEL, r.exitCode(), r.err());
    assertEquals("trollscan: " + bundle + ": entry 'rules/plural-endings.txt' line 3: 'ss' is"
        + " not + or -, a space and an ending\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void aBundleLackingAFileItsPipelineNamesIsRefusedWithExit4() throws IOException {
    List<BundleFiles.Entry> entries = BundleFiles.entries(TinyModels.shared());
    String entry = "rules/quote-block-markers.txt";
    List<BundleFiles.Entry> without = new java.util.ArrayList<>(entries.stream()
        .filter(e -> !e.name().equals(entry)).toList());
    Path bundle = BundleFiles.write(dir.resolve("lacking.zip"), BundleFiles.editManifest(without,
        m -> ((ArrayNode) m.get("entries")).removeIf(e -> e.get("name").asText().equals(entry))));
    Cli.Result r = score(bundle);
    assertEquals(ExitCodes.MODEL, r.exitCode(), r.err());
    assertTrue(r.err().contains("invalid manifest.json: pipeline is not the one this trollscan"
        + " runs for these features"), r.err());
    assertEquals("", r.out());
  }
}
