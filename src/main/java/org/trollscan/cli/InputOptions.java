package org.trollscan.cli;

import java.util.Locale;
import org.trollscan.input.InputFormat;
import org.trollscan.input.ReaderOptions;
import picocli.CommandLine.Option;

/** Where the posts are in the input: the options {@code score} and {@code summarize} share. */
final class InputOptions {
  @Option(names = "--format", paramLabel = "FORMAT",
      description = "Input format for every input: csv, tsv, jsonl, text (default: by extension).")
  String format;

  @Option(names = "--text-column", paramLabel = "NAME", defaultValue = "text",
      description = "CSV column holding the post (default: ${DEFAULT-VALUE}).")
  String textColumn;

  @Option(names = "--id-column", paramLabel = "NAME", defaultValue = "id",
      description = "CSV column holding the post id (default: ${DEFAULT-VALUE}; without it, "
          + "the 1-based row number).")
  String idColumn;

  @Option(names = "--text-field", paramLabel = "NAME",
      description = "JSON Lines field holding the post (default: --text-column).")
  String textField;

  @Option(names = "--id-field", paramLabel = "NAME",
      description = "JSON Lines field holding the id (default: --id-column; without it, the line number).")
  String idField;

  ReaderOptions readerOptions() {
    return new ReaderOptions(textField != null ? textField : textColumn,
        idField != null ? idField : idColumn, false);
  }

  /** The --format given, or null to go by extension. */
  InputFormat inputFormat() {
    if (format == null) {
      return null;
    }
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "csv" -> InputFormat.CSV;
      case "tsv" -> InputFormat.TSV;
      case "jsonl", "ndjson" -> InputFormat.JSONL;
      case "text", "txt" -> InputFormat.TEXT;
      default -> throw new UsageException(
          "--format must be csv, tsv, jsonl or text, not " + format);
    };
  }
}
