package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language detector costs a second or more to load, so {@code score} without
 * {@code --detect-language} must not touch it: checked on the packaged launcher with the JVM's
 * class-loading log (an integration test: it needs {@code mvn package}).
 */
class DetectLanguageStartupIT {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path JAR = ROOT.resolve("target/trollscan-cli.jar");

  @Test
  void scoreLoadsNoLanguageDetectorUnlessAskedTo(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "no packaged jar: " + JAR);
    Path german = Files.writeString(dir.resolve("de.txt"),
        "Jemand sollte sofort das Jugendamt anrufen und diese Mutter dort melden\n");
    String without = classesLoaded(dir, german);
    assertTrue(without.contains("org.trollscan.model.Scorer"), "the log is read");
    assertFalse(without.contains("opennlp.tools.langdetect"), "detector loaded unasked");
    assertTrue(classesLoaded(dir, german, "--detect-language")
        .contains("opennlp.tools.langdetect.LanguageDetectorModel"));
  }

  private static String classesLoaded(Path dir, Path input, String... options)
      throws IOException, InterruptedException {
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
        ROOT.resolve("bin/trollscan").toString(), "score", "-q", "-o",
        dir.resolve("out.csv").toString()));
    command.addAll(java.util.List.of(options));
    command.add(input.toString());
    Path log = dir.resolve("classes.log");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("TROLLSCAN_JAVA_OPTS", "-Xlog:class+load=info");
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher did not finish");
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    return out;
  }
}
