package org.trollscan.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import org.trollscan.features.FeatureVector;

/**
 * A bundle's label models as OpenNLP's own reader parses them, and their probabilities by
 * OpenNLP's own {@code eval}: the reference the compiled weights are held to.
 */
class OpenNlpReference {
  private final Map<Label, AbstractModel> models = new EnumMap<>(Label.class);

  OpenNlpReference(Map<Label, AbstractModel> models) {
    this.models.putAll(models);
  }

  OpenNlpReference(Path bundle) throws IOException {
    try (InputStream in = Files.newInputStream(bundle)) {
      BundleIO.Contents contents = BundleIO.readContents(in, bundle.toString(), true);
      for (Manifest.LabelEntry e : contents.manifest().labels()) {
        models.put(Label.fromColumn(e.label()), parse(contents.entries().get(e.entry())));
      }
    }
  }

  static AbstractModel parse(byte[] serialized) throws IOException {
    return new GenericModelReader(new BinaryFileDataReader(new ByteArrayInputStream(serialized)))
        .getModel();
  }

  Map<Label, AbstractModel> models() {
    return models;
  }

  /** The positive-outcome probability OpenNLP gives the features for a label. */
  double probability(Label label, FeatureVector features) {
    AbstractModel m = models.get(label);
    return m.eval(features.names(), features.values())[m.getIndex(LabelModel.POSITIVE)];
  }
}
