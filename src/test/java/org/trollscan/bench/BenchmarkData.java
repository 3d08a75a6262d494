package org.trollscan.bench;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes a benchmark input of N posts sampled with a fixed seed from every
 * ../shared/corpora/&#42;/train.csv and the project corpus, as CSV (id,text), and the same
 * posts one per line for fastText. Usage: BenchmarkData N out.csv out.txt
 */
public final class BenchmarkData {
  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    List<String> texts = new ArrayList<>();
    Path shared = Path.of(System.getProperty("trollscan.shared", "../shared"), "corpora");
    List<Path> sources = new ArrayList<>();
    if (Files.isDirectory(shared)) {
      try (var dirs = Files.list(shared)) {
        dirs.sorted().map(d -> d.resolve("train.csv")).filter(Files::exists).forEach(sources::add);
      }
    }
    sources.add(Path.of("samples/corpus/train.csv"));
    sources.add(Path.of("samples/corpus/dev.csv"));
    for (Path p : sources) {
      for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(Files.newBufferedReader(p))) {
        texts.add(r.get("text"));
      }
    }
    Random random = new Random(20261128L);
    try (BufferedWriter csvOut = Files.newBufferedWriter(Path.of(args[1]));
        CSVPrinter csv = new CSVPrinter(csvOut, CSVFormat.RFC4180);
        BufferedWriter txt = Files.newBufferedWriter(Path.of(args[2]))) {
      csv.printRecord("id", "text");
      for (int i = 0; i < n; i++) {
        String t = texts.get(random.nextInt(texts.size()));
        csv.printRecord(i, t);
        txt.write(t.replace('\n', ' ').replace('\r', ' '));
        txt.newLine();
      }
    }
    System.out.printf("wrote %,d posts sampled from %,d texts in %s%n", n, texts.size(), sources);
  }
}
