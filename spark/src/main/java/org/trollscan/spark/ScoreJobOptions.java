package org.trollscan.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trollscan.cli.ExitCodes;

/**
 * The command line of {@link ScoreJob}, parsed and checked before Spark starts, so that a typo
 * costs no cluster time.
 *
 * @param input the input path (a file, a folder or a glob, as Spark reads them)
 * @param inputFormat csv, json (JSON Lines) or parquet
 * @param textColumn the column holding the post
 * @param idColumn the column holding the post's id; without it, the 1-based row number
 * @param keep input columns to copy after the score columns
 * @param keepAll copy every input column
 * @param output the output folder, which must not exist unless {@code overwrite}
 * @param outputFormat csv (the CLI's cells), parquet or json (typed columns)
 * @param partitions how many scoring tasks, or 0 for the cluster's default parallelism
 * @param model the model bundle on the driver's file system, or null for the shipped model
 * @param overwrite replace an existing output folder
 * @param spreadsheetSafe neutralise CSV text cells that a spreadsheet would run as a formula
 */
public record ScoreJobOptions(String input, String inputFormat, String textColumn,
    String idColumn, List<String> keep, boolean keepAll, String output, String outputFormat,
    int partitions, String model, boolean overwrite, boolean spreadsheetSafe) {

  static final String USAGE = String.join("\n",
      "usage: spark-submit [spark options] --class org.trollscan.spark.ScoreJob \\",
      "         trollscan-spark-0.1.0.jar --input PATH --output FOLDER [options]",
      "  --input PATH            file, folder or glob to score",
      "  --input-format FORMAT   csv (with a header), json (JSON Lines) or parquet"
          + " (default: parquet)",
      "  --text-column NAME      column holding the post (default: text)",
      "  --id-column NAME        column holding the post id (default: id; without it,"
          + " the row number)",
      "  --keep A,B              input columns to copy after the score columns",
      "  --keep-all              copy every input column",
      "  --output FOLDER         where to write; must not exist unless --overwrite",
      "  --output-format FORMAT  csv, parquet or json (default: parquet)",
      "  --partitions N          score in N tasks (default: the cluster's parallelism)",
      "  --model FILE            model bundle on the driver (default: the shipped model)",
      "  --overwrite             replace the output folder if it exists",
      "  --no-spreadsheet-safety CSV output: no apostrophe before = + - @ tab CR");

  /**
   * Parses the job's arguments.
   *
   * @throws JobFailure with exit code 2 and the usage for a bad command line, or exit code 0 and
   *     the usage for --help
   */
  static ScoreJobOptions parse(String[] args) {
    String input = null;
    String inputFormat = "parquet";
    String textColumn = "text";
    String idColumn = "id";
    List<String> keep = new ArrayList<>();
    boolean keepAll = false;
    String output = null;
    String outputFormat = "parquet";
    int partitions = 0;
    String model = null;
    boolean overwrite = false;
    boolean spreadsheetSafe = true;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--help", "-h" -> throw new JobFailure(ExitCodes.OK, USAGE);
        case "--keep-all" -> keepAll = true;
        case "--overwrite" -> overwrite = true;
        case "--no-spreadsheet-safety" -> spreadsheetSafe = false;
        case "--input", "--input-format", "--text-column", "--id-column", "--keep", "--output",
            "--output-format", "--partitions", "--model" -> {
          if (i + 1 >= args.length) {
            throw usage(a + " needs a value");
          }
          String v = args[++i];
          switch (a) {
            case "--input" -> input = v;
            case "--input-format" -> inputFormat = oneOf(a, v, "csv", "json", "jsonl", "parquet");
            case "--text-column" -> textColumn = v;
            case "--id-column" -> idColumn = v;
            case "--keep" -> keep.addAll(List.of(v.split(",")));
            case "--output" -> output = v;
            case "--output-format" -> outputFormat = oneOf(a, v, "csv", "json", "jsonl", "parquet");
            case "--partitions" -> partitions = positive(a, v);
            default -> model = v;
          }
        }
        default -> throw usage("unknown option: " + a);
      }
    }
    if (input == null || output == null) {
      throw usage((input == null ? "--input" : "--output") + " is required");
    }
    return new ScoreJobOptions(input, inputFormat.equals("jsonl") ? "json" : inputFormat,
        textColumn, idColumn, List.copyOf(keep), keepAll, output,
        outputFormat.equals("jsonl") ? "json" : outputFormat, partitions, model, overwrite,
        spreadsheetSafe);
  }

  private static String oneOf(String option, String value, String... allowed) {
    String v = value.toLowerCase(Locale.ROOT);
    if (!List.of(allowed).contains(v)) {
      throw usage(option + " must be one of " + String.join(", ", allowed) + ", not " + value);
    }
    return v;
  }

  private static int positive(String option, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below, with the other bad values
    }
    throw usage(option + " must be a whole number of at least 1, not " + value);
  }

  private static JobFailure usage(String message) {
    return new JobFailure(ExitCodes.USAGE, message + "\n" + USAGE);
  }
}
