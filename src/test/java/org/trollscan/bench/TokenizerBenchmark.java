package org.trollscan.bench;

import org.trollscan.rules.Rules;
import org.trollscan.rules.Lexicons;
import org.trollscan.annotate.TextAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.tokenize.Tokenizer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.trollscan.normalize.Normalizer;
import org.trollscan.tokenize.ForumTokenizer;
import org.trollscan.tokenize.UdTokenizer;

/**
 * Tokens per second of the forum tokenizer and OpenNLP's UD English model on the same
 * normalised posts (OLID train plus the project corpus), median of five runs, one thread.
 * Run: mvn -q test-compile exec:java -Dexec.classpathScope=test
 *      -Dexec.mainClass=org.trollscan.bench.TokenizerBenchmark
 */
public final class TokenizerBenchmark {
  public static void main(String[] args) throws Exception {
    List<String> posts = new ArrayList<>();
    Path shared = Path.of(System.getProperty("trollscan.shared", "../shared"));
    for (Path p : List.of(shared.resolve("corpora/olid/train.csv"),
        Path.of("samples/corpus/train.csv"))) {
      if (!Files.exists(p)) {
        System.out.println("skipping missing " + p);
        continue;
      }
      for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(Files.newBufferedReader(p))) {
        posts.add(r.get("text"));
      }
    }
    Normalizer normalizer = TextAnalyzer.standardNormalizer(Rules.fromClasspath().lexicons());
    List<String> normalised = posts.stream().map(p -> normalizer.normalize(p).text()).toList();
    System.out.printf("%,d posts%n", normalised.size());
    for (Tokenizer t : List.of(ForumTokenizer.INSTANCE, new UdTokenizer())) {
      double[] rates = new double[5];
      long tokens = 0;
      for (int run = 0; run < rates.length; run++) {
        tokens = 0;
        long start = System.nanoTime();
        for (String s : normalised) {
          tokens += t.tokenizePos(s).length;
        }
        rates[run] = tokens / ((System.nanoTime() - start) / 1e9);
      }
      java.util.Arrays.sort(rates);
      System.out.printf("%-16s %,12d tokens  %,12.0f tokens/s (median of 5)%n",
          t.getClass().getSimpleName(), tokens, rates[2]);
    }
  }
}
