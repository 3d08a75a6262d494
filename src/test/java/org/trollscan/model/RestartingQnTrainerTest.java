package org.trollscan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.maxent.quasinewton.NegLogLikelihood;
import opennlp.tools.ml.maxent.quasinewton.QNMinimizer;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.DataIndexer;
import opennlp.tools.ml.model.DataIndexerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.junit.jupiter.api.Test;

class RestartingQnTrainerTest {
  private static final double L2 = 0.3;

  /** 300 noisy events over 40 overlapping features: enough that a few iterations are not the minimum. */
  private static DataIndexer indexer() throws IOException {
    Random random = new Random(7);
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String[] context = new String[5];
      float[] values = new float[5];
      double signal = 0;
      for (int k = 0; k < 5; k++) {
        int f = random.nextInt(40);
        context[k] = "f" + f;
        values[k] = 0.5f + random.nextFloat();
        signal += (f % 3 - 1) * values[k];
      }
      boolean positive = signal + random.nextGaussian() > 0;
      events.add(new Event(positive ? "1" : "0", context, values));
    }
    TrainingParameters p = new TrainingParameters();
    p.put(AbstractEventTrainer.DATA_INDEXER_PARAM,
        AbstractEventTrainer.DATA_INDEXER_ONE_PASS_REAL_VALUE);
    p.put(TrainingParameters.CUTOFF_PARAM, 0);
    DataIndexer indexer = DataIndexerFactory.getDataIndexer(p, new HashMap<>());
    indexer.index(ObjectStreamUtils.createObjectStream(events));
    return indexer;
  }

  /** The parameter vector of a QN model, in the trainer's layout (outcome-major). */
  private static double[] parameters(opennlp.tools.ml.model.AbstractModel model, int predicates) {
    Context[] contexts = (Context[]) model.getDataStructures()[0];
    int outcomes = model.getNumOutcomes();
    double[] x = new double[outcomes * predicates];
    for (int p = 0; p < predicates; p++) {
      for (int k = 0; k < contexts[p].getOutcomes().length; k++) {
        x[contexts[p].getOutcomes()[k] * predicates + p] = contexts[p].getParameters()[k];
      }
    }
    return x;
  }

  @Test
  void continuesWhereOpenNlpsMinimizerStopsAndReachesALowerObjective() throws IOException {
    DataIndexer indexer = indexer();
    NegLogLikelihood likelihood = new NegLogLikelihood(indexer);
    int iterations = 3; // a budget that stops OpenNLP's run well before the minimum
    double[] once = new QNMinimizer(0, L2, iterations, QNTrainer.M_DEFAULT,
        QNTrainer.MAX_FCT_EVAL_DEFAULT).minimize(likelihood);
    double openNlp = RestartingQnTrainer.regularised(likelihood, once, L2);

    RestartingQnTrainer trainer = new RestartingQnTrainer(0, L2, 1);
    double[] restarted = parameters(trainer.trainModel(iterations, indexer),
        indexer.getPredLabels().length);
    double ours = RestartingQnTrainer.regularised(likelihood, restarted, L2);

    assertTrue(trainer.runs() > 1, "runs: " + trainer.runs());
    assertTrue(ours < openNlp - 1e-3 * Math.abs(openNlp), ours + " vs " + openNlp);
  }

  @Test
  void withAFullBudgetItEndsWithinATenthOfAPercentOfTheMinimum() throws IOException {
    DataIndexer indexer = indexer();
    NegLogLikelihood likelihood = new NegLogLikelihood(indexer);
    double[] x = parameters(new RestartingQnTrainer(0, L2, 1).trainModel(300, indexer),
        indexer.getPredLabels().length);
    double[] gradient = new RestartingQnTrainer.Shifted(likelihood, x, L2)
        .gradientAt(new double[x.length]);
    double squared = 0;
    for (double g : gradient) {
      squared += g * g;
    }
    // The L2 term makes the objective 2*L2-strongly convex, so its distance to the minimum is at
    // most |gradient|^2 / (4 * L2): within 0.1% of the objective means the minimum, for training.
    double gap = squared / (4 * L2);
    double objective = RestartingQnTrainer.regularised(likelihood, x, L2);
    assertTrue(gap < 1e-3 * objective, "at most " + gap + " above the minimum of " + objective);
  }

  @Test
  void theShiftedObjectiveIsTheRegularisedObjectiveAtStartPlusStep() throws IOException {
    DataIndexer indexer = indexer();
    NegLogLikelihood likelihood = new NegLogLikelihood(indexer);
    double[] start = new double[likelihood.getDimension()];
    double[] step = new double[start.length];
    for (int i = 0; i < start.length; i++) {
      start[i] = Math.sin(i) * 0.3;
      step[i] = Math.cos(i) * 0.1;
    }
    RestartingQnTrainer.Shifted f = new RestartingQnTrainer.Shifted(likelihood, start, L2);
    double[] sum = f.point(step);
    assertEquals(RestartingQnTrainer.regularised(likelihood, sum, L2), f.valueAt(step), 1e-9);
    // The gradient against a central difference along one coordinate.
    int i = 5;
    double h = 1e-5;
    double[] up = step.clone();
    double[] down = step.clone();
    up[i] += h;
    down[i] -= h;
    assertEquals((f.valueAt(up) - f.valueAt(down)) / (2 * h), f.gradientAt(step)[i], 1e-5);
  }
}
