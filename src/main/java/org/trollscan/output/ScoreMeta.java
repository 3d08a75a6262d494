package org.trollscan.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trollscan.model.BundleException;
import org.trollscan.model.BundleIO;
import org.trollscan.model.Label;
import org.trollscan.model.ModelBundle;

/**
 * The provenance of a score output, written as its sidecar ({@code OUT.meta.json} or
 * {@code --meta FILE}): which model (version, SHA-256 of the bundle file, thresholds) and which
 * trollscan made it, from which command line and inputs, when, and what it holds. The schema is
 * {@value #SCHEMA}; docs/output.md describes every field.
 *
 * @param toolVersion trollscan's version
 * @param commandLine the arguments as given, the subcommand first
 * @param model the model that scored
 * @param started when the run started
 * @param finished when the last row was written
 * @param output the output's name, format and columns
 * @param inputs each input's counts, in the order given
 * @param totals the counts of the whole run
 * @param exitCode 0, or 6 when rows were rejected
 * @param context how posts were read in their threads ({@code --thread-column}); null (and not
 *     written) when they were scored alone
 */
public record ScoreMeta(String toolVersion, List<String> commandLine, Model model,
    Instant started, Instant finished, Output output, List<Input> inputs, Totals totals,
    int exitCode, Context context) {

  /** The provenance of a run that scored posts alone. */
  public ScoreMeta(String toolVersion, List<String> commandLine, Model model, Instant started,
      Instant finished, Output output, List<Input> inputs, Totals totals, int exitCode) {
    this(toolVersion, commandLine, model, started, finished, output, inputs, totals, exitCode,
        null);
  }

  /**
   * Scoring in context.
   *
   * @param threadColumn the thread column
   * @param timeColumn the time column, null when none was given
   * @param maxOpenThreads the bound on threads remembered at once
   * @param threadsLetGo threads let go to keep within it, whether or not more of their posts came
   * @param postsAfterLetGo posts that came for a thread let go earlier, scored as its opener
   *     without the posts before them (may be slightly high, never low)
   * @param thresholds the context thresholds that decided the flags and where harassment was
   *     raised to the false_report score (--threshold's where given)
   */
  public record Context(String threadColumn, String timeColumn, int maxOpenThreads,
      long threadsLetGo, long postsAfterLetGo, Map<Label, Double> thresholds) {}
  public static final String SCHEMA = "trollscan-score-meta/1";
  private static final JsonFactory JSON = new JsonFactory();

  /**
   * @param version the bundle's model version
   * @param file the bundle file as given to --model; null for the model shipped in trollscan
   * @param sha256 the SHA-256 of the bundle file's bytes (of the shipped bundle for null)
   * @param thresholds each label's post-alone threshold, --threshold overrides applied when posts
   *     are scored alone; in context they are the bundle's and {@link Context#thresholds} holds
   *     the ones that decided
   */
  public record Model(String version, String file, String sha256, Map<Label, Double> thresholds) {

    /** The model's record: reads the bundle file once more, for its checksum. */
    public static Model of(Path file, ModelBundle bundle) {
      Map<Label, Double> thresholds = new LinkedHashMap<>();
      for (Label l : bundle.labels()) {
        thresholds.put(l, bundle.model(l).threshold());
      }
      String shown = file == null ? null : file.toString();
      try (InputStream in = file == null
          ? BundleIO.class.getResourceAsStream(BundleIO.DEFAULT_RESOURCE)
          : Files.newInputStream(file)) {
        return new Model(bundle.manifest().modelVersion(), shown, ScoreMeta.sha256(in),
            thresholds);
      } catch (IOException e) {
        throw new BundleException((shown == null ? "default model" : shown)
            + ": cannot read the model again for its checksum: " + e.getMessage(), e);
      }
    }
  }

  /**
   * @param file the output as given to -o, "-" for standard output
   * @param format csv or jsonl
   * @param columns the columns (JSON Lines: fields) of every row, in order
   * @param evidence whether evidence was looked for (false with --no-evidence)
   * @param onlyFlagged whether posts with no flagged label were left out
   */
  public record Output(String file, String format, List<String> columns, boolean evidence,
      boolean onlyFlagged) {}

  /**
   * One input's rows: {@code rows = scored + rejected}.
   *
   * @param name the input as given, "-" for standard input
   * @param blankLines blank lines skipped (not rows)
   * @param numberedIds posts whose id is their row number, for want of an id column
   */
  public record Input(String name, long rows, long scored, long written, long rejected,
      long blankLines, long numberedIds) {}

  /** The whole run's rows: {@code rows = written + not written (--only-flagged) + rejected}. */
  public record Totals(long rows, long scored, long written, long rejected, long flagged,
      long truncated) {}

  /** Writes the sidecar: one JSON object, indented, UTF-8, ending in a newline. */
  public void write(OutputStream out) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("schema", SCHEMA);
      json.writeStringField("tool_version", toolVersion);
      json.writeArrayFieldStart("command_line");
      for (String arg : commandLine) {
        json.writeString(arg);
      }
      json.writeEndArray();
      json.writeStringField("started", started.toString());
      json.writeStringField("finished", finished.toString());
      json.writeNumberField("exit_code", exitCode);
      json.writeObjectFieldStart("model");
      json.writeStringField("version", model.version());
      json.writeStringField("file", model.file());
      json.writeStringField("sha256", model.sha256());
      json.writeObjectFieldStart("thresholds");
      for (Map.Entry<Label, Double> t : model.thresholds().entrySet()) {
        json.writeFieldName(t.getKey().column());
        // The threshold exactly, in plain notation: it decides which posts are flagged.
        json.writeNumber(BigDecimal.valueOf(t.getValue()).toPlainString());
      }
      json.writeEndObject();
      json.writeEndObject();
      json.writeObjectFieldStart("output");
      json.writeStringField("file", output.file());
      json.writeStringField("format", output.format());
      json.writeArrayFieldStart("columns");
      for (String c : output.columns()) {
        json.writeString(c);
      }
      json.writeEndArray();
      json.writeBooleanField("evidence", output.evidence());
      json.writeBooleanField("only_flagged", output.onlyFlagged());
      json.writeEndObject();
      json.writeArrayFieldStart("inputs");
      for (Input i : inputs) {
        json.writeStartObject();
        json.writeStringField("name", i.name());
        json.writeNumberField("rows", i.rows());
        json.writeNumberField("scored", i.scored());
        json.writeNumberField("written", i.written());
        json.writeNumberField("rejected", i.rejected());
        json.writeNumberField("blank_lines", i.blankLines());
        json.writeNumberField("ids_from_row_numbers", i.numberedIds());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeObjectFieldStart("totals");
      json.writeNumberField("rows", totals.rows());
      json.writeNumberField("scored", totals.scored());
      json.writeNumberField("written", totals.written());
      json.writeNumberField("rejected", totals.rejected());
      json.writeNumberField("flagged", totals.flagged());
      json.writeNumberField("truncated", totals.truncated());
      json.writeEndObject();
      if (context != null) {
        json.writeObjectFieldStart("context");
        json.writeStringField("thread_column", context.threadColumn());
        json.writeStringField("time_column", context.timeColumn());
        json.writeNumberField("max_open_threads", context.maxOpenThreads());
        json.writeNumberField("threads_let_go", context.threadsLetGo());
        json.writeNumberField("posts_after_let_go", context.postsAfterLetGo());
        json.writeObjectFieldStart("thresholds");
        for (Map.Entry<Label, Double> t : context.thresholds().entrySet()) {
          json.writeFieldName(t.getKey().column());
          json.writeNumber(BigDecimal.valueOf(t.getValue()).toPlainString());
        }
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeRaw('\n');
    }
  }

  /** The SHA-256 of a stream's bytes, in lower-case hex as {@code sha256sum} prints it. */
  static String sha256(InputStream in) throws IOException {
    if (in == null) {
      throw new IOException("not in this build");
    }
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    byte[] buf = new byte[1 << 16];
    for (int n; (n = in.read(buf)) > 0; ) {
      digest.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
