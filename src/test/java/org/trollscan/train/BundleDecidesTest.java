package org.trollscan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.features.FeatureSettings;
import org.trollscan.features.Featurizer;
import org.trollscan.features.Pipeline;
import org.trollscan.model.BundleFiles;
import org.trollscan.model.BundleIO;
import org.trollscan.model.Label;
import org.trollscan.model.ModelBundle;
import org.trollscan.model.Scorer;
import org.trollscan.model.TinyModels;
import org.trollscan.model.TrainingSettings;
import org.trollscan.rules.Rules;

/**
 * The bundle alone decides the scores: training writes the rule files it used into the bundle,
 * and scoring reads them from there, whatever the rule files of the trollscan that scores.
 */
class BundleDecidesTest {
  private static final String POST = "you are such a banana bread lol";

  private static Path copyOfTheRuleFiles(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (var file : Rules.fromClasspath().files().entrySet()) {
      Files.write(dir.resolve(file.getKey()), file.getValue());
    }
    return dir;
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(text.contains(from), file + " has no " + from);
    Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
  }

  private static Path train(Path dir, Rules rules) throws IOException {
    Path csv = TinyModels.writeCorpus(dir);
    TrainingSettings s = new TrainingSettings("QN", 100, 0, 0, 0.1, 2, 1, 1L, null,
        TrainingSettings.BREAK_EVEN, 1);
    Path bundle = dir.resolve("trial.zip");
    new TrainingRun(s, FeatureSettings.defaults(), new PrintStream(OutputStream.nullOutputStream()))
        .withRules(rules).run(List.of(csv.toString()), "trial-1", bundle);
    return bundle;
  }

  private static List<Double> scores(Scorer scorer) {
    List<Double> out = new ArrayList<>();
    List<String> posts = new ArrayList<>(List.of(POST, "ring social services on her"));
    for (String[] row : TinyModels.ROWS) {
      posts.add(row[0]);
    }
    for (String post : posts) {
      for (Label l : scorer.bundle().labels()) {
        out.add(scorer.score(post, true).probabilities().get(l));
      }
    }
    return out;
  }

  @Test
  void aBundleScoresWithTheRulesItWasTrainedWithWhateverTheRuleFilesSayLater(@TempDir Path dir)
      throws IOException {
    Path rules = copyOfTheRuleFiles(dir.resolve("rules"));
    edit(rules.resolve(Rules.CUES), "\n[insult]\n", "\n[insult]\nbanana bread\n");
    Path bundle = train(dir, Rules.fromDirectory(rules));
    Scorer scorer = new Scorer(BundleIO.load(bundle));
    List<Double> before = scores(scorer);

    // The bundle's lexicon annotates the post, not the one this trollscan ships.
    FeatureSettings settings = scorer.bundle().manifest().features();
    assertTrue(List.of(new Featurizer(settings, scorer.bundle().rules()).featurize(POST).names())
        .contains("cue:insult"));
    assertFalse(List.of(new Featurizer(settings, Rules.fromClasspath()).featurize(POST).names())
        .contains("cue:insult"));
    ModelBundle b = scorer.bundle();
    Scorer withShippedRules =
        new Scorer(new ModelBundle(b.manifest(), b.models(), b.compiled(), Rules.fromClasspath()));
    assertNotEquals(scorer.score(POST, false).probabilities(),
        withShippedRules.score(POST, false).probabilities());

    // The rule files change after training, in a lexicon and in a word list that were Java
    // tables before: the old bundle scores exactly as before.
    edit(rules.resolve(Rules.CUES), "banana bread\n", "");
    edit(rules.resolve(Rules.CUES), "\n[authority]\n", "\n[authority]\nbanana\n");
    edit(rules.resolve(Rules.FUNCTION_WORDS), "\nthe\n", "\nthe\nbread\ngrifter\n");
    edit(rules.resolve(Rules.CUE_PAIRS), "insult target_second\n", "");
    assertEquals(before, scores(new Scorer(BundleIO.load(bundle))));
  }

  @Test
  void trainingWritesEveryRuleFileItUsedAndThePipelineIntoTheBundle(@TempDir Path dir)
      throws IOException {
    Path rules = copyOfTheRuleFiles(dir.resolve("rules"));
    edit(rules.resolve(Rules.AGREEMENT), "\nditto\n", "\nditto\nindeed\n");
    Path bundle = train(dir, Rules.fromDirectory(rules));
    List<BundleFiles.Entry> entries = BundleFiles.entries(bundle);
    for (String file : Rules.FILES) {
      assertArrayEquals(Files.readAllBytes(rules.resolve(file)),
          BundleFiles.get(entries, Pipeline.entry(file)), file);
    }
    ModelBundle loaded = BundleIO.load(bundle);
    assertEquals(Pipeline.of(FeatureSettings.defaults()), loaded.manifest().pipeline());
    assertTrue(loaded.rules().words(Rules.AGREEMENT).contains("indeed"));
    List<String> listed = loaded.manifest().entries().stream().map(e -> e.name()).toList();
    assertTrue(listed.containsAll(Pipeline.ruleEntries()), listed.toString());
  }
  /** What a child JVM printed and returned. */
  private record Run(int exitCode, String out, String err) {}

  /**
   * Runs trollscan in a child JVM whose classpath starts with {@code overrides} (null for none):
   * a folder there holding org/trollscan/rules/NAME.txt takes the place of the jar's rule file,
   * as an edited source tree rebuilt would.
   */
  private static Run trollscan(Path overrides, Path dir, String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    if (overrides != null) {
      classpath = overrides + File.pathSeparator + classpath;
    }
    List<String> command = new ArrayList<>(List.of(java, "-cp", classpath,
        "org.trollscan.cli.Main"));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
            Files.createTempFile(dir, "in", ".txt").toFile())).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("trollscan " + String.join(" ", args) + " did not finish");
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void aBundleScoresTheSameAfterThisTrollscansRuleFilesChangeOnTheClasspath(@TempDir Path dir)
      throws Exception {
    // A small bundle with a context stage, trained with this build's rule files.
    Path corpus = TinyModels.writeCorpus(dir);
    TrainingSettings s = new TrainingSettings("QN", 100, 0, 0, 0.1, 2, 1, 1L, null,
        TrainingSettings.BREAK_EVEN, 1);
    Path bundle = dir.resolve("context.zip");
    new TrainingRun(s, FeatureSettings.defaults(), new PrintStream(OutputStream.nullOutputStream()))
        .withThreadColumn("thread_id").run(List.of(corpus.toString()), "trial-1", bundle);
    Path older = BundleFiles.write(dir.resolve("older.zip"),
        BundleFiles.withoutCharacterTables(BundleFiles.entries(bundle)));
    // A bundle trained after the character tables became rule files, before the grammar words.
    Path between = BundleFiles.write(dir.resolve("between.zip"), BundleFiles.withoutRuleFiles(
        BundleFiles.entries(bundle), List.of(Rules.NEGATION_ENDS, Rules.QUOTE_BLOCK_MARKERS,
            Rules.PLURAL_ENDINGS, Rules.VERDICT_THAT, Rules.OBJECT_OR_POSSESSIVE)));
    // Posts whose features each edited table changes: a breaking and an inline tag, leetspeak,
    // a short reply that refers back, and a phrase the edited lexicon makes an insult.
    Path posts = dir.resolve("posts.csv");
    Files.writeString(posts, "id,text,thread_id\n"
        + "1,someone ring social services on her the kids are filthy,a\n"
        + "2,done,a\n"
        + "3,ring social<br>services on her,b\n"
        + "4,r<b>e</b>port her to the c0unc1l,b\n"
        + "5,r3p0rt her now,b\n"
        + "6,lovely photo of the beach,c\n"
        + "7,\u201cring social services on her\u201d they said,c\n"
        // ... and posts whose annotations the grammar words and endings decide.
        + "8,nobody should report her but ring social services on her,d\n"
        + "9,it's so cruel how someone reported her to the council,d\n"
        + "10,\"Bex wrote:\nring the council on her\nShow more\nabsolutely not\",d\n"
        + "11,someone should report Vloggers to the council,d\n"
        + "12,send her something,d\n", StandardCharsets.UTF_8);
    String[] score = {"score", "--model", bundle.toString(), "--thread-column", "thread_id",
        "--id-column", "id", posts.toString()};
    Run before = trollscan(null, dir, score);
    assertEquals(0, before.exitCode(), before.err());
    Run betweenBefore = trollscan(null, dir, "score", "--model", between.toString(),
        "--thread-column", "thread_id", "--id-column", "id", posts.toString());
    assertEquals(before.out(), betweenBefore.out(), "this build supplies the files it lacks");

    Path overrides = dir.resolve("classes");
    Path rules = Files.createDirectories(overrides.resolve("org/trollscan/rules"));
    Map<String, byte[]> files = new java.util.HashMap<>(Rules.fromClasspath().files());
    files.put(org.trollscan.context.ReplyCues.FILE, Files.readAllBytes(
        Path.of("src/main/resources/org/trollscan/rules/reply-cues.txt")));
    for (var f : files.entrySet()) {
      Files.write(rules.resolve(f.getKey()), f.getValue());
    }
    edit(rules.resolve(Rules.LEET), "\n3 e\n", "\n");
    edit(rules.resolve(Rules.HTML_BREAKING_TAGS), "\nbr\n", "\n");
    edit(rules.resolve(Rules.HTML_INLINE_TAGS), "\nb\n", "\n");
    edit(rules.resolve(Rules.QUOTE_MARKS), "\n\u201c \"\n", "\n");
    edit(rules.resolve(org.trollscan.context.ReplyCues.FILE), "\ndone\n", "\n");
    edit(rules.resolve(Rules.CUES), "\n[insult]\n", "\n[insult]\nlovely photo\n");
    edit(rules.resolve(Rules.NEGATION_ENDS), "\nbut\n", "\n");
    edit(rules.resolve(Rules.VERDICT_THAT), "\nthat\n", "\nthat\nhow\n");
    edit(rules.resolve(Rules.QUOTE_BLOCK_MARKERS), "\nsaid: ... click to expand\n",
        "\nsaid: ... click to expand\nwrote: ... show more\n");
    edit(rules.resolve(Rules.PLURAL_ENDINGS), "\n+ .?s\n", "\n");
    edit(rules.resolve(Rules.OBJECT_OR_POSSESSIVE), "\nher\n", "\n");
    // Each edit changes the scores of its post when a model is scored with the edited files.
    Scorer trained = new Scorer(BundleIO.load(bundle));
    ModelBundle b = trained.bundle();
    Scorer withEdits = new Scorer(new ModelBundle(b.manifest(), b.models(), b.compiled(),
        Rules.fromDirectory(rules)));
    for (String post : List.of("nobody should report her but ring social services on her",
        "it's so cruel how someone reported her to the council",
        "Bex wrote:\nring the council on her\nShow more\nabsolutely not",
        "someone should report Vloggers to the council", "send her something")) {
      assertNotEquals(trained.score(post, false).probabilities(),
          withEdits.score(post, false).probabilities(), post);
    }

    Run after = trollscan(overrides, dir, score);
    assertEquals(0, after.exitCode(), after.err());
    assertEquals(before.out(), after.out());

    // The child saw the edited files: a bundle it trains carries them, and a bundle that lacks
    // the tables, which would get this build's copies, is refused instead of scored otherwise.
    Path retrained = dir.resolve("retrained.zip");
    Run train = trollscan(overrides, dir, "train", "--quiet", "--data", corpus.toString(),
        "--thread-column", "thread_id", "--cv", "2", "--cv-repeats", "1", "-o",
        retrained.toString());
    assertEquals(0, train.exitCode(), train.err());
    List<BundleFiles.Entry> entries = BundleFiles.entries(retrained);
    for (String file : List.of(Rules.LEET, Rules.NEGATION_ENDS, Rules.VERDICT_THAT,
        Rules.QUOTE_BLOCK_MARKERS, Rules.PLURAL_ENDINGS, Rules.OBJECT_OR_POSSESSIVE)) {
      assertArrayEquals(Files.readAllBytes(rules.resolve(file)),
          BundleFiles.get(entries, Pipeline.entry(file)), file);
    }
    assertFalse(BundleIO.load(retrained).manifest().context().refersBack().contains("done"));
    assertTrue(BundleIO.load(bundle).manifest().context().refersBack().contains("done"));
    Run lacking = trollscan(overrides, dir, "score", "--model", older.toString(),
        posts.toString());
    assertEquals(1, lacking.exitCode(), lacking.err());
    assertTrue(lacking.err().contains("this trollscan's rules/html-breaking-tags.txt holds"
        + " another table"), lacking.err());
    assertEquals("", lacking.out());
    Run lackingWords = trollscan(overrides, dir, "score", "--model", between.toString(),
        posts.toString());
    assertEquals(1, lackingWords.exitCode(), lackingWords.err());
    assertTrue(lackingWords.err().contains("this trollscan's rules/negation-ends.txt holds"
        + " another table"), lackingWords.err());
    assertEquals("", lackingWords.out());
  }
}
