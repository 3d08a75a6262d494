package org.trollscan.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.trollscan.model.BundleIO;
import org.trollscan.model.Scorer;
import org.trollscan.language.LanguageGuess;
import org.trollscan.serve.ScoringServer;
import org.trollscan.serve.ServeConfig;

/**
 * What the build runs to list the classes for the service's class-data sharing archive (run by
 * the build, like {@link CompletionScript}): a real {@code score} of a sample file, then a real
 * server answering one Perspective request on a loopback port. Classes loaded here start from
 * the archive instead of the jar, which gets the service's first answer out sooner.
 *
 * <p>Arguments: the sample CSV, and the file to write its scores to.
 */
public final class ClassDataTrainingRun {
  private ClassDataTrainingRun() {}

  public static void main(String[] args) throws IOException {
    PrintStream err = new PrintStream(OutputStream.nullOutputStream());
    int code = Main.run(new String[] {"score", "--quiet", "--output", args[1], args[0]},
        new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream(), err);
    if (code != ExitCodes.OK) {
      throw new IllegalStateException("the training run's score exited " + code);
    }
    ScoringServer server = ScoringServer.start(ServeConfig.defaults(0, 2), new Scorer(BundleIO.loadDefault()),
        LanguageGuess.notLoaded());
    try {
      URL url = new URL("http://127.0.0.1:" + server.address().getPort()
          + "/v1alpha1/comments:analyze");
      HttpURLConnection c = (HttpURLConnection) url.openConnection();
      c.setRequestMethod("POST");
      c.setDoOutput(true);
      c.setRequestProperty("Content-Type", "application/json");
      try (OutputStream body = c.getOutputStream()) {
        body.write(("{\"comment\": {\"text\": \"someone ring social services on her\"},"
            + " \"requestedAttributes\": {\"TOXICITY\": {}, \"FALSE_REPORT\": {}},"
            + " \"spanAnnotations\": true, \"languages\": [\"en\"]}")
            .getBytes(StandardCharsets.UTF_8));
      }
      if (c.getResponseCode() != 200) {
        throw new IllegalStateException("the training run's request got " + c.getResponseCode());
      }
      try (InputStream answer = c.getInputStream()) {
        answer.readAllBytes();
      }
    } finally {
      server.stop(0);
    }
  }
}
