package org.trollscan.context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Issue 31 measurement, step 2 of {@code models/context-experiment.sh}: trains the context models
 * on out-of-fold post-alone scores, cross-validated over the same thread folds, and prints
 * post-alone and context metrics for the corpus rows, train-context rows, the test split and the
 * paired family (docs/context.md). Usage: {@code ContextExperiment DIR [D] [DC]}.
 */
public final class ContextExperiment {
  static final int FOLDS = 5;
  static final double L2 = 0.3;
  static final int BOOTSTRAP = 500;

  /** A scored post; {@code fold} is -1 outside the cross-validated rows. */
  record Row(CSVRecord rec, String thread, String set, int fold, String text, double fr,
      double h, boolean goldFr, boolean goldH) {}

  private ContextExperiment() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/context");
    List<String> conds = args.length > 1 ? List.of(args).subList(1, args.length)
        : List.of("D", "DC");
    for (String cond : conds) {
      System.out.printf(Locale.ROOT, "%n## post-alone model trained on %s%n", cond.equals("D")
          ? "train + dev" : "train + dev + train-context");
      run(dir, cond);
      ablation(dir, cond);
    }
  }

  /**
   * The context false_report model with each feature family left out in turn: AUC out of fold on
   * train + dev and on train-context, AUC on the test split, pairs separated, and posts flagged
   * in harmless threads and among campaign replies.
   */
  static void ablation(Path dir, String cond) throws IOException {
    List<Row> oof = new ArrayList<>();
    for (int k = 0; k < FOLDS; k++) {
      oof.addAll(read(dir.resolve("oof-" + cond + "-" + k + ".csv")));
    }
    List<Row> test = read(dir.resolve("test-" + cond + ".csv"));
    List<Row> pairs = read(dir.resolve("pairs-" + cond + ".csv"));
    double[] aloneFr = oof.stream().mapToDouble(Row::fr).toArray();
    boolean[] goldFr = gold(oof, true);
    double t1 = breakEven(aloneFr, goldFr);
    List<List<Integer>> parts = List.of(indexes(oof, r -> !r.set().equals("ctx")),
        indexes(oof, r -> r.set().equals("ctx")));
    System.out.println();
    System.out.println("| false_report context features | AUC oof train + dev | AUC oof"
        + " train-context | AUC test | pairs separated | harmless threads flagged |"
        + " campaign replies flagged |");
    System.out.println("|---|---|---|---|---|---|---|");
    List<ContextFeatures.Family> families = List.of(ContextFeatures.Family.values());
    List<Set<ContextFeatures.Family>> offs = new ArrayList<>();
    offs.add(EnumSet.noneOf(ContextFeatures.Family.class));
    families.forEach(f -> offs.add(EnumSet.of(f)));
    offs.add(EnumSet.allOf(ContextFeatures.Family.class));
    for (Set<ContextFeatures.Family> off : offs) {
      List<ContextFeatures> f = features(oof, t1, off);
      double[] ctx = new double[oof.size()];
      for (int k = 0; k < FOLDS; k++) {
        int fold = k;
        ContextModel m = train(oof, f, i -> oof.get(i).fold() != fold, true);
        for (int i = 0; i < oof.size(); i++) {
          if (oof.get(i).fold() == fold) {
            ctx[i] = m.probability(f.get(i));
          }
        }
      }
      double t2 = breakEven(ctx, goldFr);
      ContextModel all = train(oof, f, i -> true, true);
      List<ContextFeatures> tf = features(test, t1, off);
      double[] ts = new double[test.size()];
      for (int i = 0; i < ts.length; i++) {
        ts[i] = all.probability(tf.get(i));
      }
      List<ContextFeatures> pf = features(pairs, t1, off);
      double[] ps = new double[pairs.size()];
      for (int i = 0; i < ps.length; i++) {
        ps[i] = all.probability(pf.get(i));
      }
      Map<String, double[]> sums = new LinkedHashMap<>();
      int harmless = 0;
      int harmlessFlagged = 0;
      int campaignReplies = 0;
      int campaignFlagged = 0;
      for (int i = 0; i < ps.length; i++) {
        CSVRecord r = pairs.get(i).rec();
        boolean campaign = r.get("role").equals("campaign");
        boolean reply = !r.get("position").equals("1");
        if (reply) {
          sums.computeIfAbsent(r.get("pair_id"), p -> new double[2])[campaign ? 0 : 1] += ps[i];
        }
        if (!campaign) {
          harmless++;
          harmlessFlagged += ps[i] >= t2 ? 1 : 0;
        } else if (reply) {
          campaignReplies++;
          campaignFlagged += ps[i] >= t2 ? 1 : 0;
        }
      }
      long separated = sums.values().stream().filter(v -> v[0] > v[1]).count();
      String name = off.isEmpty() ? "all" : off.size() == families.size() ? "none (own scores)"
          : "without " + off.iterator().next().name().toLowerCase(Locale.ROOT);
      System.out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %d/%d | %d/%d (%.1f%%) |"
          + " %d/%d |%n", name, auc(parts.get(0), ctx, goldFr), auc(parts.get(1), ctx, goldFr),
          auc(indexes(test, r -> true), ts, gold(test, true)), separated, sums.size(),
          harmlessFlagged, harmless, 100.0 * harmlessFlagged / harmless, campaignFlagged,
          campaignReplies);
    }
  }

  static List<Integer> indexes(List<Row> rows, Predicate<Row> keep) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (keep.test(rows.get(i))) {
        out.add(i);
      }
    }
    return out;
  }

  static List<Row> read(Path file) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(Files.newBufferedReader(file))) {
      rows.add(new Row(r, r.get("thread_id"), r.isMapped("set") ? r.get("set") : "",
          r.isMapped("fold") ? Integer.parseInt(r.get("fold")) : -1, r.get("text"),
          Double.parseDouble(r.get("false_report")), Double.parseDouble(r.get("harassment")),
          r.get("input_false_report").equals("1"), r.get("input_harassment").equals("1")));
    }
    return rows;
  }

  /** Each row's context features, its thread's earlier rows read first (rows in thread order). */
  static List<ContextFeatures> features(List<Row> rows, double aloneFrThreshold) {
    return features(rows, aloneFrThreshold, EnumSet.noneOf(ContextFeatures.Family.class));
  }

  static List<ContextFeatures> features(List<Row> rows, double aloneFrThreshold,
      Set<ContextFeatures.Family> off) {
    ThreadStates states = new ThreadStates(Integer.MAX_VALUE);
    List<ContextFeatures> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      ThreadState before = states.get(r.thread());
      out.add(ContextFeatures.of(ReplyCues.fromClasspath(), r.text(), r.fr(), r.h(), before,
          off));
      states.put(r.thread(), before.after(r.fr(), r.h(), r.fr() >= aloneFrThreshold));
    }
    return out;
  }

  static ContextModel train(List<Row> rows, List<ContextFeatures> f, Predicate<Integer> use,
      boolean falseReport) {
    List<ContextModel.Example> ex = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (use.test(i)) {
        Row r = rows.get(i);
        ex.add(new ContextModel.Example(f.get(i), falseReport ? r.goldFr() : r.goldH()));
      }
    }
    return ContextModel.train(ex, L2);
  }

  static void run(Path dir, String cond) throws IOException {
    List<Row> oof = new ArrayList<>();
    for (int k = 0; k < FOLDS; k++) {
      oof.addAll(read(dir.resolve("oof-" + cond + "-" + k + ".csv")));
    }
    double[] aloneFr = new double[oof.size()];
    double[] aloneH = new double[oof.size()];
    for (int i = 0; i < oof.size(); i++) {
      aloneFr[i] = oof.get(i).fr();
      aloneH[i] = oof.get(i).h();
    }
    boolean[] goldFr = gold(oof, true);
    boolean[] goldH = gold(oof, false);
    double t1Fr = breakEven(aloneFr, goldFr);
    double t1H = breakEven(aloneH, goldH);
    List<ContextFeatures> f = features(oof, t1Fr);
    double[] ctxFr = new double[oof.size()];
    double[] ctxH = new double[oof.size()];
    for (int k = 0; k < FOLDS; k++) {
      int fold = k;
      ContextModel mFr = train(oof, f, i -> oof.get(i).fold() != fold, true);
      ContextModel mH = train(oof, f, i -> oof.get(i).fold() != fold, false);
      for (int i = 0; i < oof.size(); i++) {
        if (oof.get(i).fold() == fold) {
          ctxFr[i] = mFr.probability(f.get(i));
          ctxH[i] = mH.probability(f.get(i));
        }
      }
    }
    double t2Fr = breakEven(ctxFr, goldFr);
    double t2H = breakEven(ctxH, goldH);
    double[] impH = implied(aloneH, ctxFr, t2Fr);
    double t3H = breakEven(impH, goldH);
    System.out.printf(Locale.ROOT, "break-even thresholds on all out-of-fold rows: post-alone"
        + " fr %.3f h %.3f, context fr %.3f h %.3f, h implied %.3f%n", t1Fr, t1H, t2Fr, t2H,
        t3H);
    System.out.println("| rows | n | label | AUC alone | AUC context | diff [95% CI] | AP alone"
        + " | AP context | F1 alone | F1 context |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    report("out-of-fold, train + dev", oof, i -> !oof.get(i).set().equals("ctx"), aloneFr,
        ctxFr, goldFr, t1Fr, t2Fr, "false_report");
    report("out-of-fold, train + dev", oof, i -> !oof.get(i).set().equals("ctx"), aloneH, ctxH,
        goldH, t1H, t2H, "harassment");
    report("out-of-fold, train-context", oof, i -> oof.get(i).set().equals("ctx"), aloneFr,
        ctxFr, goldFr, t1Fr, t2Fr, "false_report");
    report("out-of-fold, train-context", oof, i -> oof.get(i).set().equals("ctx"), aloneH, ctxH,
        goldH, t1H, t2H, "harassment");
    report("out-of-fold, train + dev", oof, i -> !oof.get(i).set().equals("ctx"), aloneH, impH,
        goldH, t1H, t3H, "harassment implied");
    report("out-of-fold, train-context", oof, i -> oof.get(i).set().equals("ctx"), aloneH, impH,
        goldH, t1H, t3H, "harassment implied");

    ContextModel allFr = train(oof, f, i -> true, true);
    ContextModel allH = train(oof, f, i -> true, false);
    List<Row> test = read(dir.resolve("test-" + cond + ".csv"));
    List<ContextFeatures> tf = features(test, t1Fr);
    double[][] ts = apply(test, tf, allFr, allH);
    report("test split", test, i -> true, ts[0], ts[1], gold(test, true), t1Fr, t2Fr,
        "false_report");
    report("test split", test, i -> true, ts[2], ts[3], gold(test, false), t1H, t2H,
        "harassment");
    report("test split", test, i -> true, ts[2], implied(ts[2], ts[1], t2Fr), gold(test, false),
        t1H, t3H, "harassment implied");

    List<Row> pairs = read(dir.resolve("pairs-" + cond + ".csv"));
    double[][] ps = apply(pairs, features(pairs, t1Fr), allFr, allH);
    System.out.println("harassment from its own context model:");
    pairReport(pairs, ps, t1Fr, t1H, t2Fr, t2H);
    System.out.println("harassment implied (post-alone, raised to the context false_report where"
        + " that is flagged):");
    ps[3] = implied(ps[2], ps[1], t2Fr);
    pairReport(pairs, ps, t1Fr, t1H, t2Fr, t3H);
  }

  /**
   * Harassment read through LABELLING.md's rule that every false_report post is harassment: the
   * post-alone score, raised to the context false_report score where that is flagged.
   */
  static double[] implied(double[] aloneH, double[] ctxFr, double frThreshold) {
    double[] out = new double[aloneH.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = ctxFr[i] >= frThreshold ? Math.max(aloneH[i], ctxFr[i]) : aloneH[i];
    }
    return out;
  }

  static double[][] apply(List<Row> rows, List<ContextFeatures> f, ContextModel fr,
      ContextModel h) {
    double[][] s = new double[4][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      s[0][i] = rows.get(i).fr();
      s[1][i] = fr.probability(f.get(i));
      s[2][i] = rows.get(i).h();
      s[3][i] = h.probability(f.get(i));
    }
    return s;
  }

  static void pairReport(List<Row> rows, double[][] s, double t1Fr, double t1H, double t2Fr,
      double t2H) {
    Map<String, Map<String, Integer>> index = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      CSVRecord r = rows.get(i).rec();
      index.computeIfAbsent(r.get("pair_id"), p -> new HashMap<>())
          .put(r.get("role") + r.get("position"), i);
    }
    int ties = 0;
    int replies = 0;
    int repliesAbove = 0;
    int pairsAbove = 0;
    for (Map<String, Integer> p : index.values()) {
      double c = 0;
      double hsum = 0;
      for (int pos = 2; p.containsKey("campaign" + pos); pos++) {
        int ci = p.get("campaign" + pos);
        int hi = p.get("harmless" + pos);
        replies++;
        if (s[0][ci] == s[0][hi] && s[2][ci] == s[2][hi]) {
          ties++;
        }
        if (s[1][ci] > s[1][hi]) {
          repliesAbove++;
        }
        c += s[1][ci];
        hsum += s[1][hi];
      }
      if (c > hsum) {
        pairsAbove++;
      }
    }
    System.out.printf(Locale.ROOT, "pairs: %d shared replies, %d tie post-alone; context ranks"
        + " the campaign copy above the harmless copy in %d/%d pairs (mean of replies) and"
        + " %d/%d replies (false_report)%n", replies, ties, pairsAbove, index.size(),
        repliesAbove, replies);
    for (String role : List.of("harmless", "campaign")) {
      for (boolean repliesOnly : List.of(false, true)) {
        int n = 0;
        int[] flagged = new int[4];
        for (int i = 0; i < rows.size(); i++) {
          CSVRecord r = rows.get(i).rec();
          if (!r.get("role").equals(role) || repliesOnly && r.get("position").equals("1")) {
            continue;
          }
          n++;
          boolean aFr = s[0][i] >= t1Fr;
          boolean cFr = s[1][i] >= t2Fr;
          flagged[0] += aFr ? 1 : 0;
          flagged[1] += cFr ? 1 : 0;
          flagged[2] += aFr || s[2][i] >= t1H ? 1 : 0;
          flagged[3] += cFr || s[3][i] >= t2H ? 1 : 0;
        }
        if (role.equals("harmless") && !repliesOnly) {
          for (int i = 0; i < rows.size(); i++) {
            CSVRecord r = rows.get(i).rec();
            if (r.get("role").equals(role) && (s[1][i] >= t2Fr || s[3][i] >= t2H)) {
              System.out.printf(Locale.ROOT, "  flagged in context: %s fr %.3f -> %.3f, h %.3f"
                  + " -> %.3f: %s%n", r.get("id"), s[0][i], s[1][i], s[2][i], s[3][i],
                  r.get("text"));
            }
          }
        }
        System.out.printf(Locale.ROOT, "%s %s (%d posts): false_report flagged alone %d (%.1f%%)"
            + " context %d (%.1f%%); any label alone %d (%.1f%%) context %d (%.1f%%)%n", role,
            repliesOnly ? "replies" : "threads", n, flagged[0], 100.0 * flagged[0] / n,
            flagged[1], 100.0 * flagged[1] / n, flagged[2], 100.0 * flagged[2] / n, flagged[3],
            100.0 * flagged[3] / n);
      }
    }
  }

  static boolean[] gold(List<Row> rows, boolean falseReport) {
    boolean[] g = new boolean[rows.size()];
    for (int i = 0; i < g.length; i++) {
      g[i] = falseReport ? rows.get(i).goldFr() : rows.get(i).goldH();
    }
    return g;
  }

  static void report(String name, List<Row> rows, Predicate<Integer> keep, double[] alone,
      double[] ctx, boolean[] gold, double t1, double t2, String label) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (keep.test(i)) {
        idx.add(i);
      }
    }
    double aAuc = auc(idx, alone, gold);
    double cAuc = auc(idx, ctx, gold);
    // Paired bootstrap over threads: a thread's posts are resampled together.
    Map<String, List<Integer>> byThread = new LinkedHashMap<>();
    for (int i : idx) {
      byThread.computeIfAbsent(rows.get(i).thread(), t -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> threads = new ArrayList<>(byThread.values());
    Random random = new Random(31);
    double[] diffs = new double[BOOTSTRAP];
    for (int b = 0; b < BOOTSTRAP; b++) {
      List<Integer> sample = new ArrayList<>();
      for (int t = 0; t < threads.size(); t++) {
        sample.addAll(threads.get(random.nextInt(threads.size())));
      }
      diffs[b] = auc(sample, ctx, gold) - auc(sample, alone, gold);
    }
    java.util.Arrays.sort(diffs);
    System.out.printf(Locale.ROOT, "| %s | %d | %s | %.4f | %.4f | %+.4f [%+.4f, %+.4f] | %.4f |"
        + " %.4f | %.3f | %.3f |%n", name, idx.size(), label, aAuc, cAuc, cAuc - aAuc,
        diffs[(int) (BOOTSTRAP * 0.025)], diffs[(int) (BOOTSTRAP * 0.975) - 1], ap(idx, alone,
            gold), ap(idx, ctx, gold), f1(idx, alone, gold, t1), f1(idx, ctx, gold, t2));
  }

  /** ROC-AUC by the rank-sum, ties counted half; NaN when a class is missing. */
  static double auc(List<Integer> idx, double[] s, boolean[] g) {
    List<Integer> sorted = new ArrayList<>(idx);
    sorted.sort((a, b) -> Double.compare(s[a], s[b]));
    double rankSum = 0;
    long pos = 0;
    int i = 0;
    while (i < sorted.size()) {
      int j = i;
      while (j < sorted.size() && s[sorted.get(j)] == s[sorted.get(i)]) {
        j++;
      }
      double rank = (i + 1 + j) / 2.0;
      for (int k = i; k < j; k++) {
        if (g[sorted.get(k)]) {
          rankSum += rank;
          pos++;
        }
      }
      i = j;
    }
    long neg = sorted.size() - pos;
    return pos == 0 || neg == 0 ? Double.NaN : (rankSum - pos * (pos + 1) / 2.0) / (pos * neg);
  }

  static double ap(List<Integer> idx, double[] s, boolean[] g) {
    List<Integer> sorted = new ArrayList<>(idx);
    sorted.sort((a, b) -> Double.compare(s[b], s[a]));
    long pos = idx.stream().filter(i -> g[i]).count();
    double sum = 0;
    int tp = 0;
    for (int k = 0; k < sorted.size(); k++) {
      if (g[sorted.get(k)]) {
        tp++;
        sum += tp / (double) (k + 1);
      }
    }
    return pos == 0 ? Double.NaN : sum / pos;
  }

  static double f1(List<Integer> idx, double[] s, boolean[] g, double t) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i : idx) {
      boolean flag = s[i] >= t;
      tp += flag && g[i] ? 1 : 0;
      fp += flag && !g[i] ? 1 : 0;
      fn += !flag && g[i] ? 1 : 0;
    }
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }

  /** The score of the P-th highest post, P the number of positives: precision = recall there. */
  static double breakEven(double[] s, boolean[] g) {
    int pos = 0;
    for (boolean b : g) {
      pos += b ? 1 : 0;
    }
    double[] sorted = s.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length - pos];
  }
}
