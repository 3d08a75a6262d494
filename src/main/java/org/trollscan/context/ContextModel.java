package org.trollscan.context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.model.Event;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * One label's context model: a binary OpenNLP maxent (L-BFGS, L2) over {@link ContextFeatures},
 * trained on post-alone scores that must be out-of-fold, or it learns to trust them too much.
 */
public final class ContextModel {
  private static final String POSITIVE = "1";
  private static final String NEGATIVE = "0";
  private final MaxentModel model;
  private final int positive;

  private ContextModel(MaxentModel model) {
    this.model = model;
    this.positive = model.getIndex(POSITIVE);
  }

  /** One training post: its features and its gold value. */
  public record Example(ContextFeatures features, boolean gold) {}

  /** Trains on the examples; both gold values must occur. */
  public static ContextModel train(List<Example> examples, double l2) {
    List<Event> events = new ArrayList<>(examples.size());
    for (Example e : examples) {
      events.add(new Event(e.gold() ? POSITIVE : NEGATIVE, e.features().names(),
          e.features().values()));
    }
    TrainingParameters p = new TrainingParameters();
    p.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
    p.put(TrainingParameters.ITERATIONS_PARAM, 500);
    p.put(TrainingParameters.CUTOFF_PARAM, 1);
    p.put(TrainingParameters.THREADS_PARAM, 1);
    p.put(QNTrainer.L2COST_PARAM, l2);
    p.put(QNTrainer.L1COST_PARAM, 0.0);
    p.put(AbstractEventTrainer.DATA_INDEXER_PARAM,
        AbstractEventTrainer.DATA_INDEXER_ONE_PASS_REAL_VALUE);
    EventTrainer trainer = TrainerFactory.getEventTrainer(p, null);
    try {
      return new ContextModel(trainer.train(ObjectStreamUtils.createObjectStream(events)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The model in OpenNLP's binary format, as a bundle entry holds it. */
  public byte[] bytes() {
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(buf)) {
      new opennlp.tools.ml.model.GenericModelWriter((opennlp.tools.ml.model.AbstractModel) model,
          out).persist();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buf.toByteArray();
  }

  /**
   * A model from the bytes {@link #bytes()} wrote (OpenNLP's binary format, no Java
   * deserialisation); the caller has checked them against the bundle's checksum.
   */
  public static ContextModel read(byte[] bytes) throws IOException {
    if (bytes.length == 0) {
      throw new IOException("it is empty");
    }
    opennlp.tools.ml.model.AbstractModel m;
    try {
      m = new opennlp.tools.ml.model.GenericModelReader(
          new opennlp.tools.ml.model.BinaryFileDataReader(
              new java.io.ByteArrayInputStream(bytes))).getModel();
    } catch (java.io.EOFException e) {
      // OpenNLP's reader says only "null" here.
      throw new IOException("it ends early, after " + bytes.length + " bytes (cut short?)", e);
    }
    if (m.getNumOutcomes() != 2 || m.getIndex(POSITIVE) < 0 || m.getIndex(NEGATIVE) < 0) {
      throw new IOException("not a binary context model (its outcomes are not 0 and 1)");
    }
    // A label model has outcomes 0 and 1 too; its predicates (words, n-grams) tell it apart.
    // Every score it gave in context would be its bias alone, a constant.
    @SuppressWarnings("unchecked")
    java.util.Map<String, ?> predicates = (java.util.Map<String, ?>) m.getDataStructures()[1];
    List<String> foreign = predicates.keySet().stream()
        .filter(p -> !ContextFeatures.NAMES.contains(p)).sorted().limit(3).toList();
    if (!foreign.isEmpty()) {
      long n = predicates.keySet().stream()
          .filter(p -> !ContextFeatures.NAMES.contains(p)).count();
      throw new IOException("not a context model: " + n + " of its " + predicates.size()
          + " predicates are not context features (such as "
          + foreign.stream().map(p -> "'" + p + "'").collect(java.util.stream.Collectors
              .joining(", ")) + "); a context model reads only " + ContextFeatures.NAMES.size()
          + " features such as 'self_fr+' and 'op_fr-'");
    }
    return new ContextModel(m);
  }

  /** The probability that a post with these features is positive. */
  public double probability(ContextFeatures f) {
    return model.eval(f.names(), f.values())[positive];
  }
}
