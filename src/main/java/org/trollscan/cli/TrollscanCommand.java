package org.trollscan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.trollscan.ToolVersion;
import org.trollscan.input.InputException;
import org.trollscan.model.BundleException;
import org.trollscan.model.BundleIO;
import org.trollscan.model.Manifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code trollscan} command: holds the streams and maps errors to exit codes. */
@Command(
    name = "trollscan",
    mixinStandardHelpOptions = true,
    versionProvider = TrollscanCommand.Version.class,
    description = "Scores forum posts for targeted harassment and false-report incitement.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:internal error (a bug)",
        "2:usage error",
        "3:input data error",
        "4:model error (missing, corrupt or incompatible model)",
        "5:I/O error writing output",
        "6:completed, but some rows were rejected",
        "7:eval: a --min or --max-drop gate failed"})
public final class TrollscanCommand {
  InputStream stdin = System.in;
  OutputStream stdout = System.out;
  PrintStream stderr = System.err;

  /** The subcommands, in the order help lists them. */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("score", ScoreCommand::new);
    SUBCOMMANDS.put("train", TrainCommand::new);
    SUBCOMMANDS.put("eval", EvalCommand::new);
    SUBCOMMANDS.put("explain", ExplainCommand::new);
    SUBCOMMANDS.put("summarize", SummarizeCommand::new);
    SUBCOMMANDS.put("serve", ServeCommand::new);
  }

  /** A command line with every subcommand, wired to these streams. */
  public static CommandLine commandLine(InputStream in, OutputStream out, PrintStream err) {
    return commandLine(in, out, err, null);
  }

  /**
   * A command line wired to these streams, with trollscan's exception-to-exit-code mapping. When
   * {@code invoked} (the first argument) names a subcommand, only that one is registered: picocli
   * builds each subcommand's model by reflection, which is a fifth of a one-post run's time.
   * Anything else (help, --version, a typo) gets them all.
   */
  public static CommandLine commandLine(InputStream in, OutputStream out, PrintStream err,
      String invoked) {
    TrollscanCommand top = new TrollscanCommand();
    top.stdin = in;
    top.stdout = out;
    top.stderr = err;
    CommandLine cl = new CommandLine(top);
    if (SUBCOMMANDS.containsKey(invoked)) {
      cl.addSubcommand(invoked, SUBCOMMANDS.get(invoked).get());
    } else {
      SUBCOMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
      cl.addSubcommand("help", new CommandLine.HelpCommand());
    }
    cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(err, true));
    cl.setExecutionExceptionHandler(new ExitCodeHandler(err));
    return cl;
  }

  /**
   * Prints a failed command's error and returns its exit code. A class, not a lambda: picocli's
   * handler interface is a Java 5 class file, and a lambda for it keeps both out of the
   * class-data sharing archive (the JVM then spins the lambda at start-up, 0.01 s of one post).
   */
  private record ExitCodeHandler(PrintStream err)
      implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine,
        CommandLine.ParseResult parseResult) {
      int code = exitCode(e);
      if (code == ExitCodes.OK) {
        return code; // a closed pipe downstream: stop quietly
      }
      if (code == ExitCodes.INTERNAL) {
        err.println("trollscan: internal error, please report it:");
        e.printStackTrace(err);
      } else {
        err.println("trollscan: " + message(e));
      }
      return code;
    }
  }

  static int exitCode(Throwable e) {
    if (e instanceof InputException) {
      return ExitCodes.INPUT;
    } else if (e instanceof BundleException) {
      return ExitCodes.MODEL;
    } else if (isBrokenPipe(e)) {
      return ExitCodes.OK;
    } else if (e instanceof IOException || e instanceof UncheckedIOException) {
      return ExitCodes.IO;
    } else if (e instanceof UsageException || e instanceof CommandLine.ParameterException) {
      return ExitCodes.USAGE;
    }
    return ExitCodes.INTERNAL;
  }

  private static String message(Throwable e) {
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }

  static boolean isBrokenPipe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException && t.getMessage() != null
          && t.getMessage().contains("Broken pipe")) {
        return true;
      }
    }
    return false;
  }

  /** Prints the tool version and the default model's version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Manifest m = BundleIO.defaultManifest();
      String model = m == null ? "none shipped in this build" : m.modelVersion() + " (trained "
          + m.createdAt() + ")";
      return new String[] {"trollscan " + ToolVersion.get(), "default model " + model};
    }
  }
}
