package org.trollscan.cli;

import java.nio.file.Path;
import org.trollscan.model.BundleIO;
import org.trollscan.model.ModelBundle;
import picocli.CommandLine.Option;

/** The --model option shared by the commands that score. */
final class ModelOption {
  @Option(names = {"-m", "--model"}, paramLabel = "BUNDLE",
      description = "Model bundle to use (default: the model shipped in trollscan).")
  Path model;

  ModelBundle load() {
    return model == null ? BundleIO.loadDefault() : BundleIO.load(model);
  }
}
