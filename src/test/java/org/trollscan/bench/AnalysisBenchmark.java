package org.trollscan.bench;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.trollscan.annotate.AnalyzedText;
import org.trollscan.features.Featurizer;
import org.trollscan.features.HashedFeatures;
import org.trollscan.model.BundleIO;
import org.trollscan.model.Scorer;

/**
 * The shipped model's per-post cost in one thread after warm-up, for comparing two builds
 * without the noise of whole-process timings: CPU nanoseconds and allocated bytes per post (the
 * latter deterministic) for analysis alone, analysis plus hashed features, and the whole scoring
 * of a post with evidence, as {@code score} does it. Run each build in its own JVM, several
 * times in ABBA order, and compare medians (docs/performance.md, "How to reproduce").
 *
 * <p>Usage: {@code java -cp JAR:target/test-classes org.trollscan.bench.AnalysisBenchmark
 * POSTS.csv [posts=50000] [warm-up passes=3] [measured passes=5]}, with {@code
 * -Dstages=analyze,features,score} to choose the stages (all three by default). It uses only
 * what every build since commit 9ee6703 (before the issue-26 restructuring) has, the scorer's
 * featurizer read by reflection, so the same compiled harness runs against an older jar.
 */
public final class AnalysisBenchmark {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** A benchmarked stage: one post in, a number out that depends on all the work (no DCE). */
  private interface Stage {
    long run(String post);
  }

  private final List<String> posts;
  private final Stage[] stages;

  /**
   * The stages over the first {@code limit} posts of a CSV file with a {@code text} column,
   * with the shipped model. {@link BuildComparison} makes one per build, each in its own class
   * loader.
   */
  public AnalysisBenchmark(String csv, int limit) throws Exception {
    posts = read(Path.of(csv), limit);
    Scorer scorer = new Scorer(BundleIO.loadDefault());
    Field f = Scorer.class.getDeclaredField("featurizer");
    f.setAccessible(true);
    Featurizer featurizer = (Featurizer) f.get(scorer);
    stages = new Stage[] {
        post -> System.identityHashCode(featurizer.analyze(cut(post))),
        post -> {
          AnalyzedText a = featurizer.analyze(cut(post));
          HashedFeatures h = featurizer.featurizeHashed(a);
          return h.hashes().length + h.occurrenceFeature().length;
        },
        post -> scorer.score(post, true).probabilities().hashCode()};
  }

  /** The stages by name, in {@link #stage} order. */
  public static final List<String> STAGES = List.of("analyze", "features", "score");

  /** One pass of stage {@code s} ({@link #STAGES}) over the posts: CPU ns, bytes, a sink. */
  public long[] stage(int s) {
    return pass(stages[s], posts);
  }

  /** The number of posts a pass reads. */
  public int posts() {
    return posts.size();
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: AnalysisBenchmark POSTS.csv [posts] [warm-up] [passes]");
      System.exit(2);
    }
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int passes = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    AnalysisBenchmark bench = new AnalysisBenchmark(args[0], limit);
    System.out.printf("%,d posts, %d warm-up and %d measured passes per stage%n", bench.posts(),
        warmUp, passes);
    System.out.printf("%-10s %12s %12s %14s%n", "stage", "cpu ns/post", "(min-max)",
        "bytes/post");
    for (String name : System.getProperty("stages", String.join(",", STAGES)).split(",")) {
      int s = STAGES.indexOf(name);
      if (s < 0) {
        System.err.println("no stage " + name + "; stages: " + STAGES);
        System.exit(2);
      }
      long sink = 0;
      for (int p = 0; p < warmUp; p++) {
        sink += bench.stage(s)[2];
      }
      long[] cpu = new long[passes];
      long bytes = 0;
      for (int p = 0; p < passes; p++) {
        long[] r = bench.stage(s);
        cpu[p] = r[0];
        bytes = r[1];
        sink += r[2];
      }
      Arrays.sort(cpu);
      double n = bench.posts();
      System.out.printf("%-10s %12.0f %5.0f-%-6.0f %14.0f   (%d)%n", name, cpu[passes / 2] / n,
          cpu[0] / n, cpu[passes - 1] / n, bytes / n, sink & 1);
    }
  }

  /** One pass: CPU ns, allocated bytes, and the sink. */
  private static long[] pass(Stage stage, List<String> posts) {
    long id = Thread.currentThread().getId();
    long bytes = THREADS.getThreadAllocatedBytes(id);
    long cpu = THREADS.getCurrentThreadCpuTime();
    long sink = 0;
    for (String post : posts) {
      sink += stage.run(post);
    }
    cpu = THREADS.getCurrentThreadCpuTime() - cpu;
    bytes = THREADS.getThreadAllocatedBytes(id) - bytes;
    return new long[] {cpu, bytes, sink};
  }

  private static String cut(String post) {
    return post.length() > Scorer.MAX_CHARS ? post.substring(0, Scorer.MAX_CHARS) : post;
  }

  private static List<String> read(Path file, int limit) throws Exception {
    List<String> posts = new ArrayList<>();
    try (var reader = Files.newBufferedReader(file)) {
      for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(reader)) {
        posts.add(r.get("text"));
        if (posts.size() == limit) {
          break;
        }
      }
    }
    return posts;
  }
}
