package org.trollscan.cli;

import picocli.CommandLine.Option;

/**
 * How a command that scores a file of posts runs: the options {@code score}, {@code summarize}
 * and {@code eval} share, with one description each.
 */
final class RunOptions {
  @Option(names = "--threads", paramLabel = "N",
      description = "Scoring threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--no-spreadsheet-safety",
      description = "Do not prefix CSV cells starting with = + - @ tab or CR with an apostrophe "
          + "(for machine pipelines; keep it on for files people open in a spreadsheet; "
          + "numbers are never prefixed).")
  boolean noSpreadsheetSafety;

  /** The scoring threads asked for; fewer than one is a usage error (exit 2). */
  int threads() {
    if (threads < 1) {
      throw new UsageException("--threads must be at least 1");
    }
    return threads;
  }

  /** Whether CSV cells that a spreadsheet would run as a formula are prefixed. */
  boolean spreadsheetSafe() {
    return !noSpreadsheetSafety;
  }
}
