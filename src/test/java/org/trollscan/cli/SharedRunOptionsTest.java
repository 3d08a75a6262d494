package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code score}, {@code summarize} and {@code eval} take --threads and --no-spreadsheet-safety,
 * and {@code score} and {@code summarize} --errors and --strict, from one declaration each: the
 * same names, help text and checks everywhere.
 */
class SharedRunOptionsTest {
  private static final List<String> SHARED = List.of("--threads", "--no-spreadsheet-safety");
  private static final List<String> REJECTED = List.of("--errors", "--strict");

  private static CommandLine.Model.CommandSpec spec(String command) {
    return TrollscanCommand.commandLine(System.in, java.io.OutputStream.nullOutputStream(),
        System.err, command).getSubcommands().get(command).getCommandSpec();
  }

  private static String help(OptionSpec o) {
    return String.join(" ", o.description()) + " " + o.paramLabel();
  }

  @ParameterizedTest
  @ValueSource(strings = {"summarize", "eval"})
  void theSharedOptionsReadAsInScore(String command) {
    for (String name : SHARED) {
      assertEquals(help(spec("score").findOption(name)), help(spec(command).findOption(name)),
          command + " " + name);
    }
    for (String name : REJECTED) {
      OptionSpec option = spec(command).findOption(name);
      if (command.equals("eval")) {
        assertNull(option, "eval refuses a bad corpus row outright; it has no " + name);
      } else {
        assertEquals(help(spec("score").findOption(name)), help(option), command + " " + name);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"score", "summarize", "eval"})
  void zeroThreadsIsAUsageErrorBeforeAnythingIsRead(String command) {
    Cli.Result r = command.equals("eval")
        ? Cli.run("eval", "--threads", "0", "--data", "/nonexistent/x.csv")
        : Cli.run(command, "--threads", "0", "/nonexistent/x.csv");
    assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
    assertEquals("trollscan: --threads must be at least 1", r.err().lines().findFirst()
        .orElse(""), r.err());
    assertEquals("", r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"score", "summarize", "eval"})
  void theHelpDescribesEachSharedOptionOnce(String command) {
    Cli.Result r = Cli.run(command, "--help");
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    for (String description : List.of("--threads=N            Scoring threads (default: all"
        + " cores).", "Do not prefix CSV cells starting with = + - @ tab")) {
      assertEquals(1, r.out().split(java.util.regex.Pattern.quote(description), -1).length - 1,
          r.out());
    }
  }
}
