package org.trollscan.bench;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two or more builds' per-post cost compared in one JVM: each jar is loaded in its own class
 * loader with {@link AnalysisBenchmark}, and their passes alternate (A B B A ...), so a
 * disturbance from another process falls on all builds alike instead of on whichever JVM ran
 * at that minute. Prints per build the median and the fastest pass of each stage (CPU ns a
 * post) and its allocated bytes a post, and per pass pair the ratio to the first build.
 *
 * <p>Usage: {@code java [flags] -cp target/test-classes org.trollscan.bench.BuildComparison
 * POSTS.csv POSTS-PER-PASS WARM-UP-ROUNDS ROUNDS STAGE A.jar B.jar ...} with STAGE one of
 * analyze, features, score.
 */
public final class BuildComparison {
  public static void main(String[] args) throws Exception {
    if (args.length < 7) {
      System.err.println("usage: BuildComparison POSTS.csv posts warm-up rounds stage A.jar "
          + "B.jar ...");
      System.exit(2);
    }
    int limit = Integer.parseInt(args[1]);
    int warmUp = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[3]);
    int stage = AnalysisBenchmark.STAGES.indexOf(args[4]);
    if (stage < 0) {
      System.err.println("no stage " + args[4] + "; stages: " + AnalysisBenchmark.STAGES);
      System.exit(2);
    }
    URL harness = BuildComparison.class.getProtectionDomain().getCodeSource().getLocation();
    List<String> jars = Arrays.asList(args).subList(5, args.length);
    List<Object> benches = new ArrayList<>();
    List<Method> passes = new ArrayList<>();
    for (String jar : jars) {
      // The jar first: the harness class links to that build's classes, not to any other's.
      ClassLoader loader = new URLClassLoader(new URL[] {new File(jar).toURI().toURL(), harness},
          ClassLoader.getPlatformClassLoader());
      Class<?> c = Class.forName(AnalysisBenchmark.class.getName(), true, loader);
      benches.add(c.getConstructor(String.class, int.class).newInstance(args[0], limit));
      passes.add(c.getMethod("stage", int.class));
    }
    int n = jars.size();
    long[][] cpu = new long[n][rounds];
    long[] bytes = new long[n];
    long sink = 0;
    for (int r = -warmUp; r < rounds; r++) {
      for (int k = 0; k < n; k++) {
        // ABBA: every other round runs the builds in reverse.
        int b = (r & 1) == 0 ? k : n - 1 - k;
        long[] out = (long[]) passes.get(b).invoke(benches.get(b), stage);
        sink += out[2];
        if (r >= 0) {
          cpu[b][r] = out[0];
          bytes[b] = out[1];
        }
      }
    }
    System.out.printf("%s, %,d posts a pass, %d warm-up and %d measured rounds (%d)%n", args[4],
        limit, warmUp, rounds, sink & 1);
    System.out.printf("%-28s %12s %12s %12s %14s %14s%n", "build", "median ns", "fastest ns",
        "bytes/post", "ratio median", "ratio range");
    for (int b = 0; b < n; b++) {
      double[] ratio = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ratio[r] = cpu[b][r] / (double) cpu[0][r];
      }
      Arrays.sort(ratio);
      long[] sorted = cpu[b].clone();
      Arrays.sort(sorted);
      System.out.printf("%-28s %12.0f %12.0f %12.0f %14.3f %7.3f-%.3f%n", jars.get(b),
          sorted[rounds / 2] / (double) limit, sorted[0] / (double) limit,
          bytes[b] / (double) limit, ratio[rounds / 2], ratio[0], ratio[rounds - 1]);
    }
  }
}
