package org.trollscan.train;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.trollscan.context.ContextFeatures;
import org.trollscan.context.ContextModel;
import org.trollscan.context.HarassmentRule;
import org.trollscan.context.ReplyCues;
import org.trollscan.context.ThreadState;
import org.trollscan.context.ThreadStates;
import org.trollscan.eval.Metrics;
import org.trollscan.input.LabelledPost;
import org.trollscan.model.Manifest;
import org.trollscan.model.TrainingSettings;

/**
 * Trains the context stage of a bundle ({@code train --thread-column}): reads each thread's posts
 * in file order with their out-of-fold post-alone scores (a model's scores on its own training
 * rows are too confident, and a context model trained on them learns to trust them), trains the
 * false_report context maxent, and chooses its threshold and harassment's in context on the
 * context model's own out-of-fold scores over thread folds. Harassment in context is implied (the
 * post-alone score raised to the context false_report score where that is flagged) or, with
 * {@code --context-harassment model}, a harassment context maxent's score raised the same way;
 * both are measured and printed, since the choice is a trade (docs/context.md).
 */
final class ContextTraining {
  /** L2 cost of the context maxent, the prototype's (docs/context.md). */
  static final double L2 = 0.3;
  /** Threads remembered while scoring unless {@code --max-open-threads} says otherwise. */
  static final int DEFAULT_MAX_OPEN_THREADS = 100_000;

  /** A post that trains the context model: its features, gold values and thread fold. */
  private record Row(ContextFeatures features, boolean goldFalseReport, Boolean goldHarassment,
      double aloneHarassment, String thread) {}

  /**
   * The context stage trained: the false_report model, the harassment model (null when harassment
   * in context is implied) and the manifest block (entries filled in on writing).
   */
  record Result(ContextModel model, ContextModel harassmentModel, Manifest.Context block) {}

  private final TrainingSettings settings;
  private final PrintStream log;
  private final HarassmentRule rule;

  ContextTraining(TrainingSettings settings, PrintStream log, HarassmentRule rule) {
    this.settings = settings;
    this.log = log;
    this.rule = rule;
  }

  /**
   * @param threads each post's thread, "" when it has none (it is then a thread of its own)
   * @param aloneFalseReport each post's out-of-fold false_report score, NaN when it has no
   *     false_report label (it is then left out: no gold, and no score a thread could remember)
   * @param aloneHarassment each post's out-of-fold harassment score as scoring gives it (after
   *     the implication), NaN when it has no harassment label
   * @param aloneThreshold the bundle's false_report threshold
   */
  Result train(List<LabelledPost> posts, String[] threads, double[] aloneFalseReport,
      double[] aloneHarassment, double aloneThreshold, String threadColumn) {
    // The words come from this trollscan's rule file and go into the manifest, which scoring reads.
    ReplyCues replyCues = ReplyCues.fromClasspath();
    List<Row> rows = new ArrayList<>();
    ThreadStates states = new ThreadStates(Integer.MAX_VALUE);
    for (int i = 0; i < posts.size(); i++) {
      if (Double.isNaN(aloneFalseReport[i])) {
        continue;
      }
      double fr = aloneFalseReport[i];
      // A post labelled for false_report only stands in its false_report score for harassment.
      double h = Double.isNaN(aloneHarassment[i]) ? fr : aloneHarassment[i];
      boolean threaded = !threads[i].isBlank();
      String thread = threaded ? threads[i] : "\u0000row" + i;
      ThreadState before = threaded ? states.get(thread) : ThreadState.EMPTY;
      if (threaded) {
        states.put(thread, before.after(fr, h, fr >= aloneThreshold));
      }
      LabelledPost p = posts.get(i);
      rows.add(new Row(ContextFeatures.of(replyCues, p.post().text(), fr, h, before),
          p.gold().get("false_report"), p.gold().get("harassment"), h, thread));
    }
    int n = rows.size();
    boolean[] goldFr = new boolean[n];
    for (int k = 0; k < n; k++) {
      goldFr[k] = rows.get(k).goldFalseReport();
    }
    long positives = Metrics.positives(goldFr);
    if (positives == 0 || positives == n) {
      throw new org.trollscan.input.InputException("--thread-column " + threadColumn
          + ": the false_report rows have only one class (" + positives + " positive of " + n
          + "); a context model needs both");
    }
    int[] fold = folds(rows);
    int k = settings.folds();
    List<ContextFeatures> features = rows.stream().map(Row::features).toList();
    double[] oof = outOfFold(features, goldFr, fold, k);
    String folds = " over " + k + " thread folds of the context model";
    TrainingRun.Threshold frThreshold = TrainingRun.chooseThreshold(oof, goldFr, settings, folds);
    // Harassment in context, on the posts labelled for it, as ContextScorer will score them.
    List<Integer> hRows = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      if (rows.get(j).goldHarassment() != null) {
        hRows.add(j);
      }
    }
    int hn = hRows.size();
    double[] hAlone = new double[hn];
    double[] hImplied = new double[hn];
    boolean[] hGold = new boolean[hn];
    int[] hFold = new int[hn];
    for (int m = 0; m < hn; m++) {
      int j = hRows.get(m);
      hAlone[m] = rows.get(j).aloneHarassment();
      hImplied[m] = raised(hAlone[m], oof[j], frThreshold.value());
      hGold[m] = rows.get(j).goldHarassment();
      hFold[m] = fold[j];
    }
    long hPositives = Metrics.positives(hGold);
    boolean bothClasses = hPositives > 0 && hPositives < hn;
    if (rule == HarassmentRule.MODEL && !bothClasses) {
      throw new org.trollscan.input.InputException("--context-harassment model: the harassment"
          + " rows have only one class (" + hPositives + " positive of " + hn + "); a"
          + " harassment context model needs both");
    }
    // Each fold's model trains on the other folds, which need both classes too; with implied
    // the model is only measured, so a fold without them skips it rather than failing training.
    boolean foldsHaveBoth = bothClasses && eachFoldLeavesBoth(hGold, hFold, k);
    if (rule == HarassmentRule.MODEL && !foldsHaveBoth) {
      throw new org.trollscan.input.InputException("--context-harassment model: leaving out one"
          + " of the " + k + " thread folds leaves harassment rows of one class only; a"
          + " harassment context model needs both");
    }
    double impliedThreshold = bothClasses
        ? TrainingRun.chooseThreshold(hImplied, hGold, settings, folds).value()
        : frThreshold.value();
    // The harassment context model's out-of-fold scores over the same thread folds, trained
    // whichever rule is chosen, so that training shows the trade before a user chooses.
    double[] hModel = null;
    double modelThreshold = Double.NaN;
    List<ContextFeatures> hFeatures = hRows.stream().map(j -> rows.get(j).features()).toList();
    if (foldsHaveBoth) {
      double[] own = outOfFold(hFeatures, hGold, hFold, k);
      hModel = new double[hn];
      for (int m = 0; m < hn; m++) {
        hModel[m] = raised(own[m], oof[hRows.get(m)], frThreshold.value());
      }
      modelThreshold = TrainingRun.chooseThreshold(hModel, hGold, settings, folds).value();
    }
    double hThreshold = rule == HarassmentRule.MODEL ? modelThreshold : impliedThreshold;
    ContextModel model = ContextModel.train(examples(features, goldFr, null, -1), L2);
    ContextModel harassmentModel = rule == HarassmentRule.MODEL
        ? ContextModel.train(examples(hFeatures, hGold, null, -1), L2) : null;
    Map<String, double[]> cv = TrainingRun.crossValidation(oof, goldFr, fold, settings.folds(),
        frThreshold.value());
    long threadCount = rows.stream().map(Row::thread).distinct().count();
    log.printf("false_report in context: %,d rows in %,d threads, %,d positive, threshold %.4f"
        + " (%s); harassment in context (%s) threshold %.4f%n", n, threadCount, positives,
        frThreshold.value(), frThreshold.rule(), rule.option(), hThreshold);
    cv.forEach((metric, ms) -> log.printf("  %-10s %.4f ± %.4f%n", metric, ms[0], ms[1]));
    printHarassment(hAlone, hImplied, impliedThreshold, hModel, modelThreshold, hGold, hFold,
        hPositives);
    String hRule = rule == HarassmentRule.MODEL
        ? "; harassment: the harassment context model's score raised to the context"
            + " false_report score where that is flagged, its threshold by the same rule"
        : "; harassment: the post-alone score raised to the context false_report score"
            + " where that is flagged, its threshold by the same rule";
    Manifest.Context block = new Manifest.Context(null, ContextFeatures.VERSION,
        replyCues.shortWords(), replyCues.referringWords(), frThreshold.value(), hThreshold,
        aloneThreshold, frThreshold.rule() + hRule, threadColumn, DEFAULT_MAX_OPEN_THREADS, n,
        threadCount, positives, cv);
    return new Result(model, harassmentModel, block);
  }

  /**
   * Each row's score by the context model trained on the rows of the other folds (L2
   * {@link #L2}); the rows outside each fold must hold both gold values.
   */
  private static double[] outOfFold(List<ContextFeatures> features, boolean[] gold, int[] fold,
      int folds) {
    double[] oof = new double[features.size()];
    for (int f = 0; f < folds; f++) {
      ContextModel m = ContextModel.train(examples(features, gold, fold, f), L2);
      for (int j = 0; j < oof.length; j++) {
        if (fold[j] == f) {
          oof[j] = m.probability(features.get(j));
        }
      }
    }
    return oof;
  }

  /** The rows as training examples, in order, but those of fold {@code leftOut} (none: -1). */
  private static List<ContextModel.Example> examples(List<ContextFeatures> features,
      boolean[] gold, int[] fold, int leftOut) {
    List<ContextModel.Example> out = new ArrayList<>(features.size());
    for (int j = 0; j < gold.length; j++) {
      if (fold == null || fold[j] != leftOut) {
        out.add(new ContextModel.Example(features.get(j), gold[j]));
      }
    }
    return out;
  }

  /** Whether the rows outside each fold hold both gold values. */
  private static boolean eachFoldLeavesBoth(boolean[] gold, int[] fold, int folds) {
    for (int f = 0; f < folds; f++) {
      boolean positive = false;
      boolean negative = false;
      for (int m = 0; m < gold.length; m++) {
        if (fold[m] != f) {
          positive |= gold[m];
          negative |= !gold[m];
        }
      }
      if (!positive || !negative) {
        return false;
      }
    }
    return true;
  }

  /** Harassment in context: a score raised to the context false_report one where that is flagged
   *  (LABELLING.md: every false_report post is harassment). As {@code ContextScorer} does. */
  private static double raised(double harassment, double falseReport, double threshold) {
    return falseReport >= threshold ? Math.max(harassment, falseReport) : harassment;
  }

  /**
   * Prints harassment in context under both rules, out of fold over the thread folds (AUC, and F1
   * at each rule's own threshold, mean ± sd), and the post-alone AUC on the same rows: the trade
   * docs/context.md describes, for a user to see before choosing {@code --context-harassment}.
   */
  private void printHarassment(double[] alone, double[] implied, double impliedThreshold,
      double[] model, double modelThreshold, boolean[] gold, int[] fold, long positives) {
    int k = settings.folds();
    if (gold.length == 0) {
      log.printf("harassment in context: no context row is labelled for harassment%n");
      return;
    }
    log.printf("harassment in context, out of fold on %,d rows (%,d positive), mean ± sd over"
        + " the %d thread folds:%n", gold.length, positives, k);
    double[] a = TrainingRun.crossValidation(alone, gold, fold, k, impliedThreshold).get("auc");
    log.printf("  post-alone          auc %.4f ± %.4f%n", a[0], a[1]);
    printRule("implied", implied, impliedThreshold, gold, fold);
    if (model == null) {
      log.printf("  model               (not trained: the harassment rows, or those outside a"
          + " fold, have one class)%n");
    } else {
      printRule("model", model, modelThreshold, gold, fold);
    }
  }

  private void printRule(String name, double[] scores, double threshold, boolean[] gold,
      int[] fold) {
    Map<String, double[]> cv = TrainingRun.crossValidation(scores, gold, fold, settings.folds(),
        threshold);
    log.printf("  %-19s auc %.4f ± %.4f  f1 %.4f ± %.4f at threshold %.4f%n", name,
        cv.get("auc")[0], cv.get("auc")[1], cv.get("f1")[0], cv.get("f1")[1], threshold);
  }

  /** Folds by thread, dealt out round-robin after a seeded shuffle, so no thread is split. */
  private int[] folds(List<Row> rows) {
    List<String> threads = new ArrayList<>(new LinkedHashSet<>(
        rows.stream().map(Row::thread).toList()));
    Collections.shuffle(threads, new Random(settings.seed()));
    Map<String, Integer> foldOf = new HashMap<>();
    for (int i = 0; i < threads.size(); i++) {
      foldOf.put(threads.get(i), i % settings.folds());
    }
    int[] fold = new int[rows.size()];
    for (int j = 0; j < fold.length; j++) {
      fold[j] = foldOf.get(rows.get(j).thread());
    }
    return fold;
  }
}
