package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trollscan.model.TinyModels;

/**
 * The exact bytes of score's output formats, against golden files in
 * src/test/resources/golden. The tiny model trains deterministically, so the numbers are stable;
 * after an intended format change, regenerate with -Dtrollscan.updateGolden=true and review the
 * diff.
 */
class GoldenOutputTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden");
  static String model;

  @BeforeAll
  static void trainTinyModel() throws IOException {
    model = TinyModels.shared().toString();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("forum_thread.csv", List.of("score", "--id-column", "post_id", "--keep",
            "author,thread_id", "samples/forum_thread.csv")),
        Arguments.of("scrape.jsonl", List.of("score", "--text-field", "body", "--keep-all",
            "--output-format", "jsonl", "samples/scrape.jsonl")),
        Arguments.of("posts.csv", List.of("score", "--only-flagged", "samples/posts.txt")),
        Arguments.of("two_inputs.jsonl", List.of("score", "--only-flagged", "--output-format",
            "jsonl", "samples/posts.txt", "samples/scrape.jsonl", "--text-field", "body")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void outputMatchesTheGoldenFile(String golden, List<String> args) throws IOException {
    List<String> all = new java.util.ArrayList<>(args);
    all.addAll(1, List.of("--model", model, "--quiet"));
    Cli.Result r = Cli.run(all.toArray(new String[0]));
    assertEquals(0, r.exitCode(), r.err());
    Path file = GOLDEN.resolve(golden);
    if (Boolean.getBoolean("trollscan.updateGolden")) {
      Files.writeString(file, r.out(), StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), r.out(), "golden " + file);
  }
}
