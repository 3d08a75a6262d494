package org.trollscan.cli;

import java.util.List;
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

  /** Null when not given: then a column "id" is used if there is one. */
  @Option(names = "--id-column", paramLabel = "NAME",
      description = "CSV column holding the post id; a name given must exist (default: id "
          + "when there is such a column, else the 1-based row number).")
  String idColumn;

  @Option(names = "--text-field", paramLabel = "NAME",
      description = "JSON Lines field holding the post (default: --text-column).")
  String textField;

  @Option(names = "--id-field", paramLabel = "NAME",
      description = "JSON Lines field holding the id (default: --id-column; without it, the line number).")
  String idField;

  ReaderOptions readerOptions() {
    return readerOptions(List.of());
  }

  /**
   * Where the posts are; an id column or field the user named must exist, as must the
   * {@code required} columns (checked at the header, before any row is scored).
   */
  ReaderOptions readerOptions(List<String> required) {
    String id = idField != null ? idField : idColumn;
    return new ReaderOptions(textField != null ? textField : textColumn,
        id != null ? id : "id", id != null, required);
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
