package org.trollscan.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.GISTrainer;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Event;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.trollscan.features.FeatureVector;

/**
 * Trains one binary OpenNLP maxent model from featurised posts and their gold values; QN through
 * {@link RestartingQnTrainer}, which does not stop before the objective settles.
 */
public final class MaxentTrainer {
  private final TrainingSettings settings;

  public MaxentTrainer(TrainingSettings settings) {
    this.settings = settings;
  }

  /**
   * A trained model and how many minimizer runs it took: 1 when OpenNLP's own stop was final (and
   * always for GIS), more when {@link RestartingQnTrainer} had to carry on.
   */
  public record Trained(AbstractModel model, int runs) {}

  /** Trains on the given posts; both classes must be present. */
  public Trained train(List<FeatureVector> features, List<Boolean> gold) {
    List<Event> events = new ArrayList<>(features.size());
    for (int i = 0; i < features.size(); i++) {
      FeatureVector fv = features.get(i);
      events.add(new Event(gold.get(i) ? LabelModel.POSITIVE : LabelModel.NEGATIVE,
          fv.names(), fv.values()));
    }
    TrainingParameters p = new TrainingParameters();
    p.put(TrainingParameters.ALGORITHM_PARAM,
        settings.algorithm().equals("QN") ? QNTrainer.MAXENT_QN_VALUE : GISTrainer.MAXENT_VALUE);
    p.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
    p.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
    p.put(TrainingParameters.THREADS_PARAM, settings.threads());
    p.put(AbstractEventTrainer.DATA_INDEXER_PARAM,
        AbstractEventTrainer.DATA_INDEXER_ONE_PASS_REAL_VALUE);
    if (settings.algorithm().equals("QN")) {
      p.put(QNTrainer.L1COST_PARAM, settings.l1Cost());
      p.put(QNTrainer.L2COST_PARAM, settings.l2Cost());
    }
    EventTrainer trainer;
    RestartingQnTrainer qn = null;
    if (settings.algorithm().equals("QN")) {
      qn = new RestartingQnTrainer(settings.l1Cost(), settings.l2Cost(), settings.threads());
      qn.init(p, new java.util.HashMap<>());
      trainer = qn;
    } else {
      trainer = TrainerFactory.getEventTrainer(p, null);
    }
    try {
      AbstractModel model =
          (AbstractModel) trainer.train(ObjectStreamUtils.createObjectStream(events));
      return new Trained(model, qn == null ? 1 : qn.runs());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
