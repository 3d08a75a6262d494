package org.trollscan.model;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trollscan.train.TrainingRun;
import org.trollscan.features.FeatureSettings;

/** Trains small bundles for tests from a handful of obvious posts, in a temporary folder. */
public final class TinyModels {
  private TinyModels() {}

  public static final String[][] ROWS = {
    {"ring social services on her", "1", "1"},
    {"someone should report her to the council", "1", "1"},
    {"email her sponsors and get her dropped", "1", "1"},
    {"call cps on that woman", "1", "1"},
    {"tip off hmrc about her", "1", "1"},
    {"report her to ofsted everyone", "1", "1"},
    {"let's all ring her employer", "1", "1"},
    {"mass report her account tonight", "1", "1"},
    {"she is a stupid ugly cow", "1", "0"},
    {"you are a thick idiot", "1", "0"},
    {"her husband is a spineless loser", "1", "0"},
    {"what a vile disgusting woman she is", "1", "0"},
    {"i hope she dies", "1", "0"},
    {"you absolute moron", "1", "0"},
    {"the weather is lovely today", "0", "0"},
    {"my health visitor was brilliant", "0", "0"},
    {"the council fixed the streetlight", "0", "0"},
    {"great recipe thanks for sharing", "0", "0"},
    {"false reports to social services are vile", "0", "0"},
    {"the cake looked amazing", "0", "0"},
    {"anyone know a good plumber", "0", "0"},
    {"school run was chaos this morning", "0", "0"},
    {"lovely photo of the beach", "0", "0"},
    {"the podcast episode was interesting", "0", "0"},
  };

  /** Writes {@link #ROWS} as a labelled CSV. */
  public static Path writeCorpus(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("id,text,harassment,false_report,thread_id");
    for (int i = 0; i < ROWS.length; i++) {
      lines.add("r" + i + "," + ROWS[i][0] + "," + ROWS[i][1] + "," + ROWS[i][2] + ",t" + (i % 12));
    }
    Path csv = dir.resolve("tiny.csv");
    Files.write(csv, lines);
    return csv;
  }

  private static Path shared;

  /**
   * One bundle trained on {@link #ROWS} per test JVM, shared read-only by every test class that
   * only scores with it (training it once per class repeated the same work seven times).
   */
  public static synchronized Path shared() throws IOException {
    if (shared == null) {
      Path dir = Files.createTempDirectory("trollscan-tiny");
      dir.toFile().deleteOnExit();
      shared = train(dir);
      shared.toFile().deleteOnExit();
      dir.resolve("tiny.csv").toFile().deleteOnExit();
    }
    return shared;
  }

  /** Trains a bundle on {@link #ROWS} with the default features. */
  public static Path train(Path dir) throws IOException {
    Path csv = writeCorpus(dir);
    Path bundle = dir.resolve("tiny.zip");
    TrainingSettings s = new TrainingSettings("QN", 100, 0, 0, 0.1, 2, 1, 1L, null, TrainingSettings.BREAK_EVEN, 1);
    new TrainingRun(s, FeatureSettings.defaults(), new PrintStream(OutputStream.nullOutputStream()))
        .run(List.of(csv.toString()), "test-1", bundle);
    return bundle;
  }
}
