package org.trollscan.cli;

import picocli.CommandLine.Option;

/**
 * What becomes of input rows that cannot be scored: the options {@code score} and {@code
 * summarize} share. ({@code eval} has none: a labelled corpus with a bad row is refused whole,
 * exit 3, since a metric over the rows left would look complete.)
 */
final class RejectedRowOptions {
  @Option(names = "--errors", paramLabel = "FILE",
      description = "Write rejected rows here as CSV: source, line, reason, raw.")
  String errors;

  @Option(names = "--strict", description = "Stop at the first rejected row (exit 3).")
  boolean strict;
}
