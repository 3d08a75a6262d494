package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code bin/trollscan} command of README.md's fenced shell blocks as written, with
 * the launcher and the packaged jar (an integration test: it needs {@code mvn package}), from a
 * copy of the repository's root that holds {@code bin/} (linked), {@code samples/} (copied) and
 * {@code models/} (linked), so that what the commands write lands in a temporary folder. A
 * command is expected to exit 0, or N when its line's comment says {@code # exit N}. Blocks run
 * in order in the same folder, so a command may use what an earlier one wrote.
 *
 * <p>{@code serve} is started, asked {@code GET /healthz} (and the block's {@code curl}
 * command, when it has one), then stopped with SIGTERM, which must exit 0. Two things are not as
 * written: its port is a free one (8080 may be taken on a shared machine), and an
 * {@code --api-key-file} that is not there is written with the key {@code KEY} the README's
 * {@code curl} sends (a key file is the user's secret, not a sample the repository ships).
 */
class ReadmeCommandsIT {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path JAR = ROOT.resolve("target/trollscan-cli.jar");
  private static final Pattern EXIT = Pattern.compile("#.*\\bexit (\\d+)");

  /** One shell command of the README: its first line there, its text, the exit code expected. */
  record Command(int line, String text, int exit, List<String> blockCurls) {}

  @Test
  void everyTrollscanCommandInTheReadmeRunsAsWrittenWithItsExitCode(@TempDir Path dir)
      throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "no packaged jar: " + JAR);
    List<Command> commands = commands(Files.readAllLines(ROOT.resolve("README.md")));
    assertTrue(commands.size() >= 8, "README.md has only " + commands.size()
        + " trollscan commands; did the parser lose its fenced blocks? " + commands);
    Files.createSymbolicLink(dir.resolve("bin"), ROOT.resolve("bin"));
    Files.createSymbolicLink(dir.resolve("models"), ROOT.resolve("models"));
    copy(ROOT.resolve("samples"), dir.resolve("samples"));
    List<String> failures = new ArrayList<>();
    for (Command c : commands) {
      String failure = c.text().contains("bin/trollscan serve") ? serve(c, dir) : run(c, dir);
      if (failure != null) {
        failures.add("README.md:" + c.line() + ": " + c.text() + "\n  " + failure);
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void theParserJoinsContinuedLinesAndReadsExpectedExitCodes() {
    List<Command> commands = commands(List.of("text", "```sh",
        "mvn -q package && bin/trollscan score a.csv", "bin/trollscan eval --data x.csv \\",
        "    --min f1=0.9   # exit 7: the gate fails", "curl -d '{\"a\":", "  1}'", "```",
        "bin/trollscan outside a block", "```", "```sh", "bin/trollscan serve --port 1", "```"));
    assertEquals(3, commands.size(), commands.toString());
    assertEquals("bin/trollscan score a.csv", commands.get(0).text());
    assertEquals(3, commands.get(0).line());
    assertEquals("bin/trollscan eval --data x.csv --min f1=0.9   # exit 7: the gate fails",
        commands.get(1).text());
    assertEquals(7, commands.get(1).exit());
    assertEquals(List.of("curl -d '{\"a\":\n  1}'"), commands.get(1).blockCurls());
    assertEquals(List.of(), commands.get(2).blockCurls());
  }

  /** The trollscan commands of the fenced sh/bash/shell blocks, each with its block's curls. */
  static List<Command> commands(List<String> readme) {
    List<Command> out = new ArrayList<>();
    boolean inBlock = false;
    List<Command> block = new ArrayList<>();
    List<String> curls = new ArrayList<>();
    for (int i = 0; i < readme.size(); i++) {
      String line = readme.get(i);
      if (!inBlock) {
        inBlock = line.matches("```(sh|bash|shell|console)\\s*");
        continue;
      }
      if (line.startsWith("```")) {
        for (Command c : block) {
          out.add(new Command(c.line(), c.text(), c.exit(), List.copyOf(curls)));
        }
        block.clear();
        curls.clear();
        inBlock = false;
        continue;
      }
      int first = i + 1;
      StringBuilder text = new StringBuilder(line);
      // A command goes on after a trailing backslash, and while a single quote is open.
      while (i + 1 < readme.size() && (text.toString().endsWith("\\") || quoteOpen(text))) {
        if (text.toString().endsWith("\\")) {
          text.setLength(text.length() - 1);
          while (text.length() > 0 && text.charAt(text.length() - 1) == ' ') {
            text.setLength(text.length() - 1);
          }
          text.append(' ').append(readme.get(++i).strip());
        } else {
          text.append('\n').append(readme.get(++i));
        }
      }
      String command = text.toString().strip();
      if (command.startsWith("curl ")) {
        curls.add(command);
        continue;
      }
      int at = command.indexOf("bin/trollscan");
      if (at < 0) {
        continue;
      }
      if (command.startsWith("mvn ")) {
        command = command.substring(at); // the build step the test's own build has done
      }
      Matcher m = EXIT.matcher(command);
      block.add(new Command(first, command, m.find() ? Integer.parseInt(m.group(1)) : 0,
          List.of()));
    }
    return out;
  }

  private static boolean quoteOpen(CharSequence s) {
    return s.chars().filter(c -> c == '\'').count() % 2 == 1;
  }

  private static String run(Command c, Path dir) throws IOException, InterruptedException {
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    Process p = new ProcessBuilder("sh", "-c", c.text()).directory(dir.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      return "did not finish in 10 minutes";
    }
    String stderr = Files.readString(err);
    Files.delete(err);
    return p.exitValue() == c.exit() ? null
        : "exit " + p.exitValue() + ", expected " + c.exit() + "; stderr:\n" + stderr;
  }

  private static String serve(Command c, Path dir) throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String text = c.text().replaceAll("--port \\d+", "--port " + port);
    Matcher keys = Pattern.compile("--api-key-file (\\S+)").matcher(text);
    if (keys.find() && !Files.exists(dir.resolve(keys.group(1)))) {
      Files.writeString(dir.resolve(keys.group(1)), "KEY\n");
    }
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    Process p = new ProcessBuilder("sh", "-c", "exec " + text).directory(dir.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      boolean up = false;
      while (!up && p.isAlive() && System.nanoTime() < deadline) {
        try {
          up = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
              + "/healthz")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
          Thread.sleep(200);
        }
      }
      if (!up) {
        return "the service did not answer /healthz; stderr:\n" + Files.readString(err);
      }
      for (String curl : c.blockCurls()) {
        String local = curl.replaceAll("localhost:\\d+", "localhost:" + port);
        Process q = new ProcessBuilder("sh", "-c", local).directory(dir.toFile())
            .redirectErrorStream(true).start();
        String answer = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!q.waitFor(60, TimeUnit.SECONDS) || q.exitValue() != 0
            || !answer.contains("attributeScores")) {
          return "the block's curl got no scores: " + local + "\n" + answer;
        }
      }
    } finally {
      p.destroy(); // SIGTERM, to the JVM the launcher exec'd
    }
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "did not stop within 60 s of SIGTERM";
    }
    return p.exitValue() == c.exit() ? null : "exit " + p.exitValue() + " after SIGTERM, expected "
        + c.exit() + "; stderr:\n" + Files.readString(err);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
