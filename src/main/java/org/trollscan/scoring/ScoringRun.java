package org.trollscan.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.trollscan.input.InputException;
import org.trollscan.input.InputFormat;
import org.trollscan.input.Post;
import org.trollscan.input.PostSource;
import org.trollscan.input.PostSources;
import org.trollscan.input.ReadItem;
import org.trollscan.input.ReadLimits;
import org.trollscan.input.ReaderOptions;
import org.trollscan.input.RejectedRow;
import org.trollscan.model.Score;
import org.trollscan.model.Scorer;

/**
 * Streams posts from the inputs through the scorer to a writer: reads a batch, scores batches on
 * all threads, and writes them back in input order. At most a few batches per thread are in
 * flight, so memory does not grow with the input. Every row read is either written, filtered
 * out by {@code onlyFlagged}, or rejected; the summary counts each.
 */
public final class ScoringRun {
  static final int BATCH = 256;
  /**
   * Characters a batch may hold (posts with their kept fields): with at most three batches per
   * thread in flight, rows at the readers' bounds (some 36,000 characters each) still fit the
   * launcher's 256 MiB heap, which 256-row batches of them did not with eight threads.
   */
  static final long BATCH_CHARS = 1 << 20;

  /**
   * @param inputs files, "-" for stdin
   * @param format the format for every input, or null to go by extension
   * @param reader where the text and id are
   * @param threads scoring threads
   * @param onlyFlagged write only posts with at least one flagged label
   * @param evidence find evidence phrases for flagged labels
   * @param strict stop at the first rejected row
   */
  public record Options(List<String> inputs, InputFormat format, ReaderOptions reader, int threads,
      boolean onlyFlagged, boolean evidence, boolean strict) {}

  /**
   * Counts of a finished run: read = written + filtered + rejected. {@code replaced} counts
   * posts holding U+FFFD, the replacement for invalid UTF-8 (or a U+FFFD the author typed);
   * {@code empty}, the posts that show nothing, scored 0 by rule (among those written or
   * filtered); {@code notEnglish}, with {@code --detect-language}, the posts detected as another
   * language; {@code numbered}, per input, the posts whose id is their row number for want of
   * an id.
   */
  public record Summary(long read, long written, long filtered, long rejected, long flagged,
      long truncated, long replaced, long empty, long notEnglish, Map<String, Long> numbered,
      List<InputCounts> inputs) {

    /** A run whose counts per input are not known. */
    public Summary(long read, long written, long filtered, long rejected, long flagged,
        long truncated, long replaced, long empty, long notEnglish, Map<String, Long> numbered) {
      this(read, written, filtered, rejected, flagged, truncated, replaced, empty, notEnglish,
          numbered, List.of());
    }

    /** A run in which every post had an id of its own. */
    public Summary(long read, long written, long filtered, long rejected, long flagged,
        long truncated, long replaced) {
      this(read, written, filtered, rejected, flagged, truncated, replaced, 0, 0, Map.of());
    }

    /** The one-line account of a run printed on stderr. */
    public String describe() {
      return grouped(read) + " rows read, " + grouped(written) + " written, " + grouped(rejected)
          + " rejected"
          + (filtered > 0 ? ", " + grouped(filtered) + " not flagged (not written: --only-flagged)"
              : "")
          + (truncated > 0 ? ", " + truncated + " scored on their first " + Scorer.MAX_CHARS
              + " characters" : "")
          + (replaced > 0 ? ", " + replaced + " with invalid UTF-8 replaced by U+FFFD" : "")
          + (empty > 0 ? ", " + grouped(empty) + " empty (scored 0, not flagged)" : "")
          + "; " + grouped(flagged) + " flagged"
          + (notEnglish == 1 ? "; 1 post not detected as English: its scores are not meaningful"
              : notEnglish > 1 ? "; " + grouped(notEnglish) + " posts not detected as English:"
              + " scores on them are not meaningful" : "");
    }

    /** A count with thousands separators, "1,234,567" ({@link ReadLimits#grouped}). */
    public static String grouped(long n) {
      return ReadLimits.grouped(n);
    }
  }

  /**
   * One input's rows, in the order the inputs were given (a file named twice is counted twice):
   * {@code read = scored + rejected}, and {@code written} of the scored were written.
   *
   * @param name the input as given, "-" for stdin
   * @param blank blank lines skipped, which are not rows
   * @param numbered posts whose id is their row number
   */
  public record InputCounts(String name, long read, long scored, long written, long rejected,
      long blank, long numbered) {}

  /** Receives rejected rows (for --errors); may ignore them. */
  public interface RejectSink {
    void reject(RejectedRow row) throws IOException;
  }

  private final PostScorer scorer;
  private final Options options;
  private final InputStream stdin;
  private final Progress progress;
  /** The input being read, and the input of each batch in flight, oldest first. */
  private int currentInput;
  private final Deque<Integer> batchInputs = new ArrayDeque<>();
  private final RowOutcome.LanguageOf languages;

  /** The in-order step ({@code --thread-column}), or null when posts are scored alone. */
  private final ThreadContext context;

  public ScoringRun(PostScorer scorer, Options options, InputStream stdin, Progress progress) {
    this(scorer, options, stdin, progress, null, null);
  }

  /**
   * A run that also guesses each post's language with {@code languages} (null: not at all),
   * for the {@code language} column and the count of posts not detected as English.
   */
  public ScoringRun(PostScorer scorer, Options options, InputStream stdin, Progress progress,
      RowOutcome.LanguageOf languages) {
    this(scorer, options, stdin, progress, languages, null);
  }

  /**
   * A run that guesses languages with {@code languages} (null: not at all) and passes the scores,
   * in input order, through {@code context} (null: posts are scored alone) before they are
   * written; a post the context refuses (an {@link InputException}) is rejected with its reason.
   */
  public ScoringRun(PostScorer scorer, Options options, InputStream stdin, Progress progress,
      RowOutcome.LanguageOf languages, ThreadContext context) {
    this.scorer = scorer;
    this.options = options;
    this.stdin = stdin;
    this.progress = progress;
    this.languages = languages;
    this.context = context;
  }

  /**
   * Reads every input, scores it and hands each post to {@code writer} in input order, and each
   * rejected row to {@code rejects}; either may stop the run by throwing.
   */
  public Summary run(ScoreSink writer, RejectSink rejects) throws IOException {
    Counts counts = new Counts();
    Map<String, Long> numbered = new java.util.LinkedHashMap<>();
    long[] blank = new long[options.inputs().size()];
    long[] numberedPerInput = new long[options.inputs().size()];
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
      Thread t = new Thread(r, "trollscan-score");
      t.setDaemon(true);
      return t;
    });
    Deque<Future<List<RowOutcome>>> inFlight = new ArrayDeque<>();
    int maxInFlight = options.threads() * 3;
    List<String> inputs = options.inputs();
    counts.perInput = new long[inputs.size()][4];
    try {
      for (int index = 0; index < inputs.size(); index++) {
        String input = inputs.get(index);
        currentInput = index;
        try (PostSource opened = PostSources.open(input, options.format(), options.reader(), stdin);
            ReadAhead ahead = input.equals("-") ? new ReadAhead(opened, BATCH) : null) {
          PostSource source = ahead != null ? ahead : opened;
          List<ReadItem> batch = new ArrayList<>(BATCH);
          long batchChars = 0;
          for (ReadItem item; (item = next(source, ahead, pool, batch, inFlight, writer,
              rejects, counts)) != null; ) {
            counts.read++;
            counts.perInput[index][READ]++;
            if (batch.isEmpty()) {
              batchChars = 0; // next() may have sent a partial batch off
            }
            if (item instanceof RejectedRow r && options.strict()) {
              throw new InputException(r.source(), r.line(), r.reason() + " (--strict)");
            }
            batch.add(item);
            batchChars += charsOf(item);
            if (batch.size() == BATCH || batchChars >= BATCH_CHARS) {
              inFlight.add(pool.submit(scoreTask(batch)));
              batch = new ArrayList<>(BATCH);
              batchChars = 0;
              while (inFlight.size() >= maxInFlight) {
                drainOne(inFlight, writer, rejects, counts);
              }
            }
          }
          if (!batch.isEmpty()) {
            inFlight.add(pool.submit(scoreTask(batch)));
          }
          if (source.numberedRows() > 0) {
            numbered.merge(input, source.numberedRows(), Long::sum);
          }
          blank[index] = source.blankLines();
          numberedPerInput[index] = source.numberedRows();
        }
      }
      while (!inFlight.isEmpty()) {
        drainOne(inFlight, writer, rejects, counts);
      }
      writer.finish();
    } finally {
      pool.shutdownNow();
      progress.done();
    }
    List<InputCounts> perInput = new ArrayList<>();
    for (int i = 0; i < options.inputs().size(); i++) {
      long[] c = counts.perInput[i];
      perInput.add(new InputCounts(options.inputs().get(i), c[READ], c[SCORED], c[WRITTEN],
          c[REJECTED], blank[i], numberedPerInput[i]));
    }
    return new Summary(counts.read, counts.written, counts.filtered, counts.rejected,
        counts.flagged, counts.truncated, counts.replaced, counts.empty, counts.notEnglish,
        java.util.Collections.unmodifiableMap(numbered), List.copyOf(perInput));
  }

  /**
   * The next item. On stdin, when nothing more is waiting to be read, what was read so far is
   * scored and written and the output flushed before waiting for more: a co-process that writes
   * one post and waits for its row gets it, while piped input that keeps coming is still scored
   * in full batches.
   */
  private ReadItem next(PostSource source, ReadAhead ahead, ExecutorService pool,
      List<ReadItem> batch, Deque<Future<List<RowOutcome>>> inFlight, ScoreSink writer,
      RejectSink rejects, Counts counts) throws IOException {
    if (ahead == null || ahead.waiting() || (batch.isEmpty() && inFlight.isEmpty())) {
      return source.next();
    }
    if (!batch.isEmpty()) {
      inFlight.add(pool.submit(scoreTask(List.copyOf(batch))));
      batch.clear();
    }
    while (!inFlight.isEmpty()) {
      drainOne(inFlight, writer, rejects, counts);
    }
    writer.flush();
    return source.next();
  }

  /**
   * Reads a source on a thread of its own, so that the run can tell whether more input is
   * waiting ({@link #waiting}) without blocking on it. Errors reading come out of
   * {@link #next} in order.
   */
  static final class ReadAhead implements PostSource {
    private static final Object END = new Object();
    private final java.util.concurrent.BlockingQueue<Object> queue;
    private final Thread reader;
    private final PostSource source;
    private Object pending;

    ReadAhead(PostSource source, int capacity) {
      this.source = source;
      queue = new java.util.concurrent.ArrayBlockingQueue<>(capacity);
      reader = new Thread(() -> {
        try {
          for (ReadItem item; (item = source.next()) != null; ) {
            queue.put(item);
          }
          queue.put(END);
        } catch (InterruptedException e) {
          // closed by the run: stop reading
        } catch (RuntimeException e) {
          try {
            queue.put(e);
          } catch (InterruptedException stopped) {
            // closed by the run
          }
        }
      }, "trollscan-read");
      reader.setDaemon(true);
      reader.start();
    }

    /**
     * Whether an item (or the end) is ready, or comes within a millisecond: a reader that is
     * only a moment behind does not cut a batch short.
     */
    boolean waiting() {
      if (pending != null || !queue.isEmpty()) {
        return true;
      }
      try {
        pending = queue.poll(1, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return pending != null;
    }

    @Override
    public ReadItem next() {
      Object o = pending;
      pending = null;
      try {
        if (o == null) {
          o = queue.take();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading", e);
      }
      if (o == END) {
        queue.offer(END); // stays at the end for a later call
        return null;
      }
      if (o instanceof RuntimeException e) {
        throw e;
      }
      return (ReadItem) o;
    }

    @Override
    public long blankLines() {
      return source.blankLines();
    }

    @Override
    public long numberedRows() {
      return source.numberedRows();
    }

    @Override
    public void close() {
      reader.interrupt();
    }
  }

  /** What a row read holds in memory, in characters: its fields (the text among them). */
  static long charsOf(ReadItem item) {
    if (item instanceof RejectedRow r) {
      return r.raw() == null ? 0 : r.raw().length();
    }
    Post post = (Post) item;
    long chars = post.text().length();
    for (String value : post.fields().values()) {
      chars += value == null ? 0 : value.length();
    }
    for (String value : post.json().values()) {
      chars += value.length();
    }
    return chars;
  }

  /**
   * Scores a batch; its rows are all of one input, remembered in order so that each input's
   * counts come out right whatever its name.
   */
  private java.util.concurrent.Callable<List<RowOutcome>> scoreTask(List<ReadItem> batch) {
    batchInputs.add(currentInput);
    return () -> {
      List<RowOutcome> out = new ArrayList<>(batch.size());
      for (ReadItem item : batch) {
        out.add(RowOutcome.of(item, scorer, options.evidence(), languages));
      }
      return out;
    };
  }

  private void drainOne(Deque<Future<List<RowOutcome>>> inFlight, ScoreSink writer,
      RejectSink rejects, Counts counts) throws IOException {
    List<RowOutcome> done;
    long[] input = counts.perInput[batchInputs.removeFirst()];
    try {
      done = inFlight.removeFirst().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
    for (RowOutcome o : done) {
      // An empty post stays 0 by rule in a thread too; it says nothing the thread could colour.
      if (context != null && o instanceof RowOutcome.Scored alone && !alone.empty()) {
        try {
          o = new RowOutcome.Scored(alone.post(), context.apply(alone.post(), alone.score()),
              false, alone.language());
        } catch (ThreadContext.MissingColumn e) {
          throw e;
        } catch (InputException e) {
          Post p = alone.post();
          o = new RowOutcome.Rejected(new RejectedRow(p.source(), p.line(), e.getMessage(),
              p.text()));
        }
      }
      if (o instanceof RowOutcome.Scored s) {
        boolean flagged = !s.score().flagged().isEmpty();
        if (flagged) {
          counts.flagged++;
        }
        if (s.score().truncated()) {
          counts.truncated++;
        }
        if (s.post().text().indexOf('\uFFFD') >= 0) {
          counts.replaced++;
        }
        input[SCORED]++;
        if (s.empty()) {
          counts.empty++;
        } else if (s.language() != null && !s.language().equals("en")) {
          counts.notEnglish++;
        }
        if (options.onlyFlagged() && !flagged) {
          counts.filtered++;
        } else {
          writer.accept(s.post(), s.score(), s.language());
          counts.written++;
          input[WRITTEN]++;
        }
      } else {
        RejectedRow row = ((RowOutcome.Rejected) o).row();
        if (options.strict()) {
          // Rows the reader rejected stopped the run when read; this one failed in scoring.
          throw new InputException(row.source(), row.line(), row.reason() + " (--strict)");
        }
        counts.rejected++;
        input[REJECTED]++;
        rejects.reject(row);
      }
    }
    progress.update(counts.written + counts.filtered + counts.rejected);
  }

  private static final int READ = 0;
  private static final int SCORED = 1;
  private static final int WRITTEN = 2;
  private static final int REJECTED = 3;

  private static final class Counts {
    /** Per input: read, scored, written, rejected. */
    long[][] perInput;
    long read;
    long written;
    long filtered;
    long rejected;
    long flagged;
    long truncated;
    long replaced;
    long empty;
    long notEnglish;
  }

  /** Progress on stderr for long runs. */
  public interface Progress {
    void update(long rowsDone);

    void done();

    Progress NONE = new Progress() {
      @Override
      public void update(long rowsDone) {}

      @Override
      public void done() {}
    };

    /** A line on a terminal, rewritten at most once a second. */
    static Progress terminal(PrintStream err) {
      return new Progress() {
        private final long start = System.nanoTime();
        private long lastPrint = start;
        private boolean printed;

        @Override
        public void update(long rowsDone) {
          long now = System.nanoTime();
          if (now - lastPrint >= 1_000_000_000L) {
            lastPrint = now;
            printed = true;
            double seconds = (now - start) / 1e9;
            err.printf("\r%,d posts scored (%,.0f/s)", rowsDone, rowsDone / seconds);
            err.flush();
          }
        }

        @Override
        public void done() {
          if (printed) {
            err.print("\r\033[K");
            err.flush();
          }
        }
      };
    }
  }
}
