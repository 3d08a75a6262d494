package org.trollscan.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.trollscan.input.InputFormat;
import org.trollscan.input.Post;
import org.trollscan.input.PostSource;
import org.trollscan.input.PostSources;
import org.trollscan.input.PostText;
import org.trollscan.input.ReadItem;
import org.trollscan.input.RejectedRow;
import org.trollscan.language.LanguageGuess;
import org.trollscan.model.Label;
import org.trollscan.model.ModelBundle;
import org.trollscan.model.Scorer;
import org.trollscan.files.OutputFile;
import org.trollscan.scoring.PostScorer;
import org.trollscan.scoring.RowOutcome;
import org.trollscan.scoring.ScoringRun;
import org.trollscan.summary.Summarizer;
import org.trollscan.summary.Summary;
import org.trollscan.summary.SummaryWriter;
import org.trollscan.summary.TargetExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code trollscan summarize}: threads, targets and authors of flagged posts. */
@Command(name = "summarize", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Summarises an export per thread, per target (the people flagged posts aim "
        + "at) and per author. Reads raw posts and scores them, or a file `score --keep-all` "
        + "wrote (its `flagged` column is used as is).",
        "Writes threads.csv, targets.csv and authors.csv into --output-dir."})
final class SummarizeCommand implements Callable<Integer> {
  @ParentCommand TrollscanCommand top;
  @Mixin ModelOption model;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Input files ('-' for stdin).")
  List<String> files = new ArrayList<>();

  @Option(names = {"-o", "--output-dir"}, required = true, paramLabel = "DIR",
      description = "Folder for threads.csv, targets.csv and authors.csv.")
  Path outputDir;

  @Option(names = "--html", paramLabel = "FILE", description = "Also write an HTML page with bar charts.")
  String html;

  @Mixin InputOptions input;

  @Option(names = "--thread-column", paramLabel = "NAME", description = "Column holding the thread.")
  String threadColumn;

  @Option(names = "--author-column", paramLabel = "NAME", description = "Column holding the author.")
  String authorColumn;

  @Option(names = "--time-column", paramLabel = "NAME", description = "Column holding the post time.")
  String timeColumn;

  @Option(names = "--detect-language",
      description = "Count the posts not detected as English in the summary line "
          + "(score --detect-language tells which they are).")
  boolean detectLanguage;

  @Option(names = {"-q", "--quiet"},
      description = "No summary line on stderr (rejected rows are still named).")
  boolean quiet;

  @Option(names = "--no-spreadsheet-safety",
      description = "Do not prefix cells starting with = + - @ tab or CR with an apostrophe "
          + "(numbers are never prefixed).")
  boolean noSpreadsheetSafety;

  @Override
  public Integer call() throws IOException {
    UsageException.fromOptions(() -> OutputFile.checkFolder(outputDir));
    for (String name : SummaryWriter.FILES) {
      UsageException.fromOptions(
          () -> OutputFile.check(outputDir.resolve(name).toString(), null));
    }
    UsageException.fromOptions(() -> OutputFile.check(html, top.stdout));
    ModelBundle bundle = model.load();
    PostScorer postScorer = PostScorer.of(new Scorer(bundle));
    List<Label> labels = bundle.labels();
    Summarizer summarizer = new Summarizer(labels,
        new Summarizer.Columns(threadColumn, authorColumn, timeColumn), new TargetExtractor());
    InputFormat f = input.inputFormat();
    long read = 0;
    long rejected = 0;
    long notEnglish = 0;
    LanguageGuess languages = detectLanguage ? LanguageGuess.notLoaded() : null;
    RejectedRowNotes notes = new RejectedRowNotes();
    for (String file : files) {
      try (PostSource source = PostSources.open(file, f, input.readerOptions(), top.stdin)) {
        for (ReadItem item; (item = source.next()) != null; ) {
          read++;
          if (item instanceof RejectedRow row) {
            rejected++;
            notes.add(row);
            continue;
          }
          Post post = (Post) item;
          checkColumns(post);
          List<Label> flagged = flaggedColumn(post);
          if (flagged == null) {
            RowOutcome outcome = RowOutcome.of(post, postScorer, false);
            if (outcome instanceof RowOutcome.Rejected r) {
              rejected++;
              notes.add(r.row());
              continue;
            }
            flagged = ((RowOutcome.Scored) outcome).score().flagged();
          }
          summarizer.add(post, flagged);
          if (languages != null && !PostText.isEmpty(post.text())
              && !languages.language(post.text()).equals("en")) {
            notEnglish++;
          }
        }
      }
    }
    Summary summary = summarizer.summary();
    SummaryWriter.writeCsv(summary, labels, outputDir, !noSpreadsheetSafety);
    if (html != null) {
      try (OutputFile out = OutputFile.open(html, top.stdout)) {
        out.stream().write(SummaryWriter.html(summary, labels).getBytes(StandardCharsets.UTF_8));
        out.commit();
      }
    }
    notes.print(top.stderr, "");
    if (quiet) {
      return rejected > 0 ? ExitCodes.REJECTED_ROWS : ExitCodes.OK;
    }
    top.stderr.printf("trollscan: %,d rows read, %,d summarised, %,d rejected; %,d threads, "
        + "%,d targets, %,d authors%s%n", read, read - rejected, rejected, summary.threads().size(),
        summary.targets().size(), summary.authors().size(), notEnglish == 0 ? ""
            : "; " + ScoringRun.Summary.grouped(notEnglish) + (notEnglish == 1 ? " post" : " posts")
                + " not detected as English: " + (notEnglish == 1 ? "its flags are"
                    : "flags on them are") + " not meaningful");
    return rejected > 0 ? ExitCodes.REJECTED_ROWS : ExitCodes.OK;
  }

  private boolean checked;

  private void checkColumns(Post post) {
    if (checked) {
      return;
    }
    checked = true;
    for (String column : new String[] {threadColumn, authorColumn, timeColumn}) {
      if (column != null && !post.fields().containsKey(column)) {
        throw new org.trollscan.input.InputException(post.source(), post.line(), "no column '"
            + column + "'; the columns are: " + String.join(", ", post.fields().keySet()));
      }
    }
  }

  /** The labels a post is flagged for in a scored file's `flagged` column; null without one. */
  private static List<Label> flaggedColumn(Post post) {
    String column = post.fields().get("flagged");
    if (column == null) {
      return null;
    }
    List<Label> out = new ArrayList<>();
    for (String name : column.split(";")) {
      Label l = Label.fromColumn(name.strip());
      if (l != null) {
        out.add(l);
      }
    }
    return out;
  }
}
