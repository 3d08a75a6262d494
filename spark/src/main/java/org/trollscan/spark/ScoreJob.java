package org.trollscan.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_json;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.trollscan.cli.ExitCodes;
import org.trollscan.model.BundleException;
import org.trollscan.model.Label;
import org.trollscan.output.OutputColumns;

/**
 * The spark-submit batch job: reads CSV, JSON Lines or Parquet, scores one column with the CLI's
 * scorer on every executor, and writes the columns of {@code trollscan score}: {@code id}, one
 * probability per label, {@code flagged}, one {@code LABEL_evidence} column per label, then the
 * kept input columns. The CSV output holds the CLI's cells; Parquet and JSON keep types
 * (doubles, an array of labels, an array of {@link #SPAN} per label). Empty posts are scored 0
 * by the CLI's rule. The manual is docs/spark.md.
 */
public final class ScoreJob {
  private static final String TEXT = "__trollscan_text";
  private static final String ID = "__trollscan_id";
  private static final String MALFORMED = "__trollscan_malformed";
  /** Where Spark's CSV reader puts the raw text of a row it could not parse. */
  private static final String CORRUPT = "__trollscan_corrupt_record";

  /**
   * One evidence phrase in Parquet and JSON output, the object of score's JSON Lines: the phrase,
   * its offsets in the post in UTF-16 code units (end exclusive), and its weight.
   */
  public static final StructType SPAN = new StructType()
      .add("phrase", DataTypes.StringType, false)
      .add("begin", DataTypes.IntegerType, false)
      .add("end", DataTypes.IntegerType, false)
      .add("weight", DataTypes.DoubleType, false);

  private ScoreJob() {}

  /**
   * What a finished run did, from the scoring tasks' own counters.
   *
   * @param rows rows read and written (every input row is written)
   * @param empty rows whose text shows nothing (null, blank, invisible characters only), scored 0
   *     by rule as {@code trollscan score} scores them
   * @param malformed CSV rows whose field count differs from the header's, and JSON lines that
   *     are not an object, written with empty scores
   * @param flagged rows with at least one flagged label
   * @param truncated rows scored on their first {@code Scorer.MAX_CHARS} characters
   * @param tasksByExecutor scoring tasks per executor id ("driver" in local mode)
   * @param model the model's name and version
   * @param application the Spark application id, which names its logs on the workers
   */
  public record Result(long rows, long empty, long malformed, long flagged, long truncated,
      Map<String, Integer> tasksByExecutor, String model, String application) {

    /** The one-line account printed on stderr, worded as the CLI's. */
    public String describe() {
      int tasks = tasksByExecutor.values().stream().mapToInt(Integer::intValue).sum();
      StringBuilder executors = new StringBuilder();
      tasksByExecutor.forEach((id, n) -> executors.append(executors.length() == 0 ? "" : ", ")
          .append(id).append(": ").append(n));
      return grouped(rows) + " rows read, " + grouped(rows) + " written, " + grouped(malformed)
          + " malformed (written with empty scores), " + grouped(empty)
          + " empty (scored 0, not flagged)"
          + (truncated > 0 ? ", " + grouped(truncated) + " scored on their first "
              + org.trollscan.model.Scorer.MAX_CHARS + " characters" : "")
          + "; " + grouped(flagged) + " flagged; " + model + "; scored by " + tasks
          + (tasks == 1 ? " task" : " tasks") + " on " + tasksByExecutor.size()
          + (tasksByExecutor.size() == 1 ? " executor" : " executors")
          + " (tasks per executor id: " + executors + "); application " + application;
    }
  }

  public static void main(String[] args) {
    ScoreJobOptions opts;
    try {
      opts = ScoreJobOptions.parse(args);
    } catch (JobFailure e) {
      (e.exitCode() == ExitCodes.OK ? System.out : System.err).println(
          e.exitCode() == ExitCodes.OK ? e.getMessage() : "trollscan: " + e.getMessage());
      System.exit(e.exitCode());
      return;
    }
    SparkSession spark = SparkSession.builder().appName("trollscan score").getOrCreate();
    int code;
    try {
      code = execute(spark, opts, System.err);
    } finally {
      spark.stop();
    }
    if (code != ExitCodes.OK) {
      System.exit(code);
    }
  }

  /**
   * Runs the job and reports as the CLI does: the summary, or one line naming what is wrong, on
   * {@code err}. Returns the exit code; an unexpected failure (a bug, a lost cluster) is thrown
   * on, for spark-submit to print with its stack trace (exit 1).
   */
  public static int execute(SparkSession spark, ScoreJobOptions opts, PrintStream err) {
    try {
      Result r = run(spark, opts);
      err.println("trollscan: " + r.describe());
      if (r.malformed() > 0) {
        err.println("trollscan: " + grouped(r.malformed()) + (opts.inputFormat().equals("csv")
            ? " CSV rows have more or fewer fields than the header"
            : " JSON lines are not a JSON object") + "; their score cells are empty");
      }
      return r.malformed() > 0 ? ExitCodes.REJECTED_ROWS : ExitCodes.OK;
    } catch (JobFailure e) {
      err.println("trollscan: " + e.getMessage());
      return e.exitCode();
    } catch (BundleException e) {
      err.println("trollscan: " + e.getMessage());
      return ExitCodes.MODEL;
    }
  }

  /** Runs the job on an existing session (tests use a local one); throws what it cannot do. */
  public static Result run(SparkSession spark, ScoreJobOptions opts) {
    Path output = new Path(opts.output());
    FileSystem fs;
    boolean existed;
    try {
      fs = output.getFileSystem(spark.sparkContext().hadoopConfiguration());
      existed = checkOutput(fs, output, opts);
    } catch (IOException e) {
      throw new JobFailure(ExitCodes.IO, opts.output() + ": cannot check the output: "
          + e.getMessage());
    }
    // Read and checked here, on the driver, before any task; executors get the bytes.
    ShippedModel model = ShippedModel.ship(spark, opts.model());
    Dataset<Row> input = read(spark, opts);
    List<String> columns = Arrays.stream(input.columns()).filter(c -> !c.equals(CORRUPT))
        .toList();
    if (!columns.contains(opts.textColumn())) {
      throw new JobFailure(ExitCodes.INPUT, opts.input() + ": no column '" + opts.textColumn()
          + "' for the text (use --text-column); the columns are: " + String.join(", ", columns));
    }
    List<String> kept = opts.keepAll() ? columns : opts.keep();
    List<String> unknown = kept.stream().filter(k -> !columns.contains(k)).toList();
    if (!unknown.isEmpty()) {
      throw new JobFailure(ExitCodes.INPUT, opts.input() + ": --keep names unknown column(s) "
          + unknown + "; the columns are: " + String.join(", ", columns));
    }
    boolean csv = opts.outputFormat().equals("csv");
    Dataset<Row> prepared = prepare(spark, input, opts, kept, csv);
    prepared = spread(spark, prepared, opts.partitions());

    List<Label> labels = model.scorer().bundle().labels();
    StructType schema = outputSchema(prepared.schema(), labels, kept, csv);
    ScorePartition.Counters counters = new ScorePartition.Counters(
        spark.sparkContext().longAccumulator("trollscan rows"),
        spark.sparkContext().longAccumulator("trollscan rows empty"),
        spark.sparkContext().longAccumulator("trollscan rows malformed"),
        spark.sparkContext().longAccumulator("trollscan rows flagged"),
        spark.sparkContext().longAccumulator("trollscan rows truncated"),
        spark.sparkContext().collectionAccumulator("trollscan task executors"));
    Dataset<Row> scored = prepared.mapPartitions(
        new ScorePartition(model, labels, csv, opts.spreadsheetSafe(), counters),
        Encoders.row(schema));
    var writer = scored.write().format(opts.outputFormat())
        .mode(opts.overwrite() ? SaveMode.Overwrite : SaveMode.ErrorIfExists);
    if (csv) {
      // The CLI's cells: RFC 4180 quoting, nothing trimmed, empty cells empty (not ""). Rows end
      // in LF, not the CLI's CRLF: with lineSep CRLF, Spark's writer turns each LF inside a post
      // into CRLF, changing the text.
      writer = writer.option("header", "true").option("quote", "\"").option("escape", "\"")
          .option("emptyValue", "").option("nullValue", "")
          .option("ignoreLeadingWhiteSpace", "false").option("ignoreTrailingWhiteSpace", "false")
          .option("encoding", "UTF-8");
    }
    try {
      writer.save(opts.output());
    } catch (Exception e) { // also SparkException, a checked exception Scala throws undeclared
      // An AnalysisException is raised before Spark writes anything, e.g. when another run
      // created the folder since checkOutput: that folder is not ours to delete.
      if (!existed && !(e instanceof AnalysisException)) {
        removeQuietly(fs, output);
      }
      throw e;
    }
    Map<String, Integer> tasks = new TreeMap<>();
    for (String executor : counters.taskExecutors().value()) {
      tasks.merge(executor, 1, Integer::sum);
    }
    return new Result(counters.rows().value(), counters.empty().value(),
        counters.malformed().value(),
        counters.flagged().value(), counters.truncated().value(), tasks,
        model.name() + " " + model.version(), spark.sparkContext().applicationId());
  }

  /**
   * Refuses an existing output unless --overwrite, and even then anything but a real folder (a
   * file, a device, a symlink: Spark would delete it). Returns whether the output existed.
   */
  private static boolean checkOutput(FileSystem fs, Path output, ScoreJobOptions opts)
      throws IOException {
    FileStatus status;
    try {
      status = fs.getFileLinkStatus(output);
    } catch (java.io.FileNotFoundException e) {
      return false;
    } catch (UnsupportedOperationException e) {
      if (!fs.exists(output)) {
        return false;
      }
      status = fs.getFileStatus(output);
    }
    if (!opts.overwrite()) {
      throw new JobFailure(ExitCodes.IO, opts.output() + ": the output already exists; choose a"
          + " new path, or pass --overwrite to replace it");
    }
    if (status.isSymlink() || !status.isDirectory()) {
      throw new JobFailure(ExitCodes.IO, opts.output() + ": exists and is not a folder;"
          + " --overwrite replaces only a folder");
    }
    return true;
  }

  /** Deletes what a failed write left, so that the rerun is not blocked by a partial folder. */
  private static void removeQuietly(FileSystem fs, Path output) {
    try {
      fs.delete(output, true);
    } catch (IOException | RuntimeException e) {
      // The write's own failure is what the user must see; this one would hide it.
    }
  }

  private static Dataset<Row> read(SparkSession spark, ScoreJobOptions opts) {
    var reader = spark.read().format(opts.inputFormat());
    if (opts.inputFormat().equals("csv")) {
      // multiLine: a quoted post may span lines. It also makes each file one task; spread()
      // then shares the rows out for scoring.
      reader = reader.option("header", "true").option("multiLine", "true")
          .option("quote", "\"").option("escape", "\"").option("encoding", "UTF-8");
    }
    try {
      if (opts.inputFormat().equals("json")) {
        // A line that is not a JSON object gets its raw text in this column (which schema
        // inference adds only when there is such a line) and null fields: it must not pass
        // for an empty post.
        return reader.option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", CORRUPT)
            .load(opts.input());
      }
      if (!opts.inputFormat().equals("csv")) {
        return reader.load(opts.input());
      }
      // The header gives the columns (all strings); read again with a column for malformed
      // rows, which Spark's permissive mode would otherwise pad with nulls or cut short.
      StructType header = reader.load(opts.input()).schema();
      return reader.schema(header.add(CORRUPT, DataTypes.StringType))
          .option("columnNameOfCorruptRecord", CORRUPT).load(opts.input());
    } catch (Exception e) { // Scala throws AnalysisException, a checked exception, undeclared
      if (e instanceof AnalysisException a) {
        throw new JobFailure(ExitCodes.INPUT, opts.input() + ": cannot read as "
            + opts.inputFormat() + ": " + a.getMessage());
      }
      throw e;
    }
  }

  /**
   * Projects the input onto (text, id, malformed, kept...): only what scoring and the output
   * need travels through the shuffle. In CSV mode every value becomes the text the CLI would write. Without
   * an id column, the id is the 1-based row number in the order Spark lists the input.
   */
  private static Dataset<Row> prepare(SparkSession spark, Dataset<Row> input,
      ScoreJobOptions opts, List<String> kept, boolean csv) {
    StructType in = input.schema();
    boolean hasId = Arrays.asList(input.columns()).contains(opts.idColumn());
    List<Column> cols = new ArrayList<>();
    cols.add(asText(in, opts.textColumn()).as(TEXT));
    if (hasId) {
      cols.add((csv ? asText(in, opts.idColumn()) : col(quoted(opts.idColumn()))).as(ID));
    }
    cols.add((Arrays.asList(input.columns()).contains(CORRUPT) ? col(CORRUPT).isNotNull()
        : lit(false)).as(MALFORMED));
    for (int i = 0; i < kept.size(); i++) {
      cols.add((csv ? asText(in, kept.get(i)) : col(quoted(kept.get(i)))).as("__keep" + i));
    }
    Dataset<Row> projected = input.select(cols.toArray(new Column[0]));
    if (hasId) {
      return projected;
    }
    StructType s = projected.schema();
    StructType numbered = new StructType().add(s.fields()[0])
        .add(ID, csv ? DataTypes.StringType : DataTypes.LongType, false);
    for (int i = 1; i < s.fields().length; i++) {
      numbered = numbered.add(s.fields()[i]);
    }
    JavaRDD<Row> rows = projected.javaRDD().zipWithIndex().map(t -> {
      Row r = t._1();
      Object[] v = new Object[r.length() + 1];
      v[0] = r.get(0);
      v[1] = csv ? Long.toString(t._2() + 1) : (Object) (t._2() + 1);
      for (int i = 1; i < r.length(); i++) {
        v[i + 1] = r.get(i);
      }
      return RowFactory.create(v);
    });
    return spark.createDataFrame(rows, numbered);
  }

  /**
   * Shares the rows out over the cluster: to {@code partitions} tasks when given, else to the
   * cluster's default parallelism when the input has fewer partitions (a multi-line CSV file is
   * always one). Costs one shuffle of the projected rows; scoring costs far more.
   */
  static Dataset<Row> spread(SparkSession spark, Dataset<Row> rows, int partitions) {
    if (partitions > 0) {
      return rows.repartition(partitions);
    }
    int parallelism = spark.sparkContext().defaultParallelism();
    return rows.rdd().getNumPartitions() < parallelism ? rows.repartition(parallelism) : rows;
  }

  private static StructType outputSchema(StructType prepared, List<Label> labels,
      List<String> kept, boolean csv) {
    List<String> header = new OutputColumns(labels, kept, false, false).header(kept);
    StructField[] in = prepared.fields();
    StructType out = new StructType().add(header.get(0), in[1].dataType(), true);
    int at = 1;
    for (Label l : labels) {
      out = out.add(header.get(at++), csv ? DataTypes.StringType : DataTypes.DoubleType, true);
    }
    out = out.add(header.get(at++),
        csv ? DataTypes.StringType : DataTypes.createArrayType(DataTypes.StringType), true);
    for (Label l : labels) {
      out = out.add(header.get(at++),
          csv ? DataTypes.StringType : DataTypes.createArrayType(SPAN, false), true);
    }
    for (int i = ScorePartition.KEPT; i < in.length; i++) {
      out = out.add(header.get(at++), in[i].dataType(), true);
    }
    return out;
  }

  /** A column as the CLI's text: atomic values as strings, nested ones as JSON. */
  private static Column asText(StructType schema, String name) {
    DataType t = schema.apply(name).dataType();
    Column c = col(quoted(name));
    if (t instanceof StructType || t instanceof ArrayType || t instanceof MapType) {
      return to_json(c);
    }
    return c.cast(DataTypes.StringType);
  }

  /** A column name as col() takes it literally (dots and backticks in names are data). */
  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** A count with thousands separators, "1,234,567", as the CLI prints counts. */
  static String grouped(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }
}
