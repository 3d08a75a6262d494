package org.trollscan.model;

import opennlp.tools.ml.maxent.quasinewton.Function;
import opennlp.tools.ml.maxent.quasinewton.NegLogLikelihood;
import opennlp.tools.ml.maxent.quasinewton.ParallelNegLogLikelihood;
import opennlp.tools.ml.maxent.quasinewton.QNMinimizer;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.DataIndexer;

/**
 * OpenNLP's L-BFGS maxent trainer, restarted from where it stopped until a whole run no longer
 * lowers the objective. OpenNLP's minimizer stops as soon as one iteration changes the objective
 * by less than 1e-4 (relative), and after a poor line-search step that can happen early: a
 * harassment model for the shipped recipe stopped after 8 of 300 iterations at an objective 58%
 * above its minimum (7,989 against 5,047), which left it without most of what the tweets teach
 * (OLID test ROC-AUC 0.72 instead of 0.79), and in the same training five of the six models
 * stopped 0.7% to 58% above theirs. Each restart is OpenNLP's own {@link QNMinimizer} on
 * OpenNLP's own negative log-likelihood, moved to start at the previous solution; the
 * L2 penalty is applied to the whole parameter vector, as OpenNLP applies it. With an L1 cost the
 * minimizer's orthant-wise steps cannot be restarted this way and training is OpenNLP's alone.
 */
final class RestartingQnTrainer extends QNTrainer {
  /** A run that lowers the objective by less than this share of it ends the restarts. */
  static final double RESTART_TOLERANCE = 1e-4;
  /** At most this many runs of up to the configured iterations each. */
  static final int MAX_RUNS = 10;

  private final double l1Cost;
  private final double l2Cost;
  private final int threads;
  private int runs;

  RestartingQnTrainer(double l1Cost, double l2Cost, int threads) {
    this.l1Cost = l1Cost;
    this.l2Cost = l2Cost;
    this.threads = threads;
  }

  /** How many minimizer runs the last model took (1: OpenNLP's stop was final). */
  int runs() {
    return runs;
  }

  @Override
  public QNModel trainModel(int iterations, DataIndexer indexer) {
    if (l1Cost > 0) {
      runs = 1;
      return super.trainModel(iterations, indexer);
    }
    Function likelihood = threads > 1 ? new ParallelNegLogLikelihood(indexer, threads)
        : new NegLogLikelihood(indexer);
    double[] x = new double[likelihood.getDimension()];
    double value = regularised(likelihood, x, l2Cost);
    runs = 0;
    while (runs < MAX_RUNS) {
      runs++;
      Shifted from = new Shifted(likelihood, x, l2Cost);
      double[] step = new QNMinimizer(0, 0, iterations, M_DEFAULT, MAX_FCT_EVAL_DEFAULT)
          .minimize(from);
      double[] next = from.point(step);
      double nextValue = regularised(likelihood, next, l2Cost);
      if (!(nextValue < value)) {
        break;
      }
      boolean settled = value - nextValue < RESTART_TOLERANCE * Math.abs(nextValue);
      x = next;
      value = nextValue;
      if (settled) {
        break;
      }
    }
    return model(indexer, x);
  }

  static double regularised(Function likelihood, double[] x, double l2Cost) {
    double sum = 0;
    for (double v : x) {
      sum += v * v;
    }
    return likelihood.valueAt(x) + l2Cost * sum;
  }

  /** The model for parameters laid out as OpenNLP's QN trainer lays them out (outcome-major). */
  private static QNModel model(DataIndexer indexer, double[] parameters) {
    String[] predicates = indexer.getPredLabels();
    String[] outcomes = indexer.getOutcomeLabels();
    int[] allOutcomes = new int[outcomes.length];
    for (int o = 0; o < outcomes.length; o++) {
      allOutcomes[o] = o;
    }
    Context[] contexts = new Context[predicates.length];
    for (int p = 0; p < predicates.length; p++) {
      double[] alpha = new double[outcomes.length];
      for (int o = 0; o < outcomes.length; o++) {
        alpha[o] = parameters[o * predicates.length + p];
      }
      contexts[p] = new Context(allOutcomes, alpha);
    }
    return new QNModel(contexts, predicates, outcomes);
  }

  /**
   * The L2-regularised objective around a start point: value(step) = likelihood(start + step) +
   * l2 |start + step|^2. The minimizer starts every run at step 0 and is given no L2 cost of its
   * own, which would penalise the step instead of the parameters.
   */
  static final class Shifted implements Function {
    private final Function likelihood;
    private final double[] start;
    private final double l2Cost;

    Shifted(Function likelihood, double[] start, double l2Cost) {
      this.likelihood = likelihood;
      this.start = start;
      this.l2Cost = l2Cost;
    }

    double[] point(double[] step) {
      double[] x = new double[start.length];
      for (int i = 0; i < x.length; i++) {
        x[i] = start[i] + step[i];
      }
      return x;
    }

    @Override
    public int getDimension() {
      return likelihood.getDimension();
    }

    @Override
    public double valueAt(double[] step) {
      return regularised(likelihood, point(step), l2Cost);
    }

    @Override
    public double[] gradientAt(double[] step) {
      double[] x = point(step);
      double[] g = likelihood.gradientAt(x).clone();
      for (int i = 0; i < g.length; i++) {
        g[i] += 2 * l2Cost * x[i];
      }
      return g;
    }
  }
}
