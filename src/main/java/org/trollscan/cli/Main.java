package org.trollscan.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import org.trollscan.model.BundleIO;
import org.trollscan.files.OutputFile;

/** Entry point: runs the command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (scoresWithTheDefaultModel(args)) {
      BundleIO.prefetchDefault();
    }
    PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
        java.nio.charset.StandardCharsets.UTF_8);
    int code = run(args, System.in, OutputFile.stdout(), err);
    err.flush();
    System.exit(code);
  }

  /**
   * Whether the command scores with the shipped model, so that loading it can start while the
   * arguments are parsed. A wrong guess costs only the time of an unused load.
   */
  static boolean scoresWithTheDefaultModel(String[] args) {
    if (args.length == 0 || !java.util.Set.of("score", "explain", "summarize", "eval", "serve")
        .contains(args[0])) {
      return false;
    }
    for (String a : args) {
      if (a.startsWith("--model") || a.startsWith("-m")) { // "-m x", "-mx", "--model=x"
        return false;
      }
    }
    return true;
  }

  /** Runs trollscan with the given streams and returns the exit code; never calls System.exit. */
  public static int run(String[] args, InputStream in, OutputStream out, PrintStream err) {
    return TrollscanCommand.commandLine(in, out, err, args.length > 0 ? args[0] : null)
        .execute(args);
  }
}
