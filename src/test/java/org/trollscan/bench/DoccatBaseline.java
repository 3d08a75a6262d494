package org.trollscan.bench;

import java.io.BufferedWriter;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The plain OpenNLP Doccat peer of the speed benchmark, as issue 5 specifies it:
 * BagOfWords + NGram(2,2) features, SimpleTokenizer, MAXENT_QN, one label, Commons CSV in, one
 * probability per line out, one thread.
 * Usage: DoccatBaseline train labelled.csv model.bin | DoccatBaseline score model.bin posts.csv
 */
public final class DoccatBaseline {
  public static void main(String[] args) throws Exception {
    if (args[0].equals("train")) {
      List<DocumentSample> samples = new ArrayList<>();
      for (CSVRecord r : read(Path.of(args[1]))) {
        samples.add(new DocumentSample(r.get("harassment"),
            SimpleTokenizer.INSTANCE.tokenize(r.get("text").toLowerCase(Locale.ROOT))));
      }
      TrainingParameters p = new TrainingParameters();
      p.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
      p.put(TrainingParameters.ITERATIONS_PARAM, 200);
      p.put(TrainingParameters.CUTOFF_PARAM, 2);
      DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] {
          new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)});
      DoccatModel model = DocumentCategorizerME.train("en",
          ObjectStreamUtils.createObjectStream(samples), p, factory);
      try (FileOutputStream out = new FileOutputStream(args[2])) {
        model.serialize(out);
      }
    } else {
      DocumentCategorizerME categorizer;
      try (FileInputStream in = new FileInputStream(args[1])) {
        categorizer = new DocumentCategorizerME(new DoccatModel(in));
      }
      int positive = categorizer.getIndex("1");
      try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
          new FileOutputStream(java.io.FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16)) {
        for (CSVRecord r : read(Path.of(args[2]))) {
          double[] p = categorizer.categorize(
              SimpleTokenizer.INSTANCE.tokenize(r.get("text").toLowerCase(Locale.ROOT)));
          out.write(Double.toString(p[positive]));
          out.newLine();
        }
      }
    }
  }

  private static Iterable<CSVRecord> read(Path file) throws Exception {
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(Files.newBufferedReader(file));
  }
}
