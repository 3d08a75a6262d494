package org.trollscan.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.trollscan.model.Label;

/**
 * Google's own API client library for Python (Debian's python3-googleapi), the one Perspective's
 * documentation uses, calls the service with only its discovery URL changed, key and all.
 * Skipped where the library is not installed.
 */
class GoogleClientLibraryTest {
  static final String PYTHON = "/usr/bin/python3";

  @Test
  void googlesPythonClientWorksWithOnlyTheUrlChanged() throws Exception {
    assumeTrue(new File(PYTHON).canExecute(), "no " + PYTHON);
    assumeTrue(run(PYTHON, "-c", "import googleapiclient").exitValue() == 0,
        "python3-googleapi is not installed");
    String text = "someone ring social services on her";
    try (TestServer server = new TestServer(ServeConfig.defaults(0, 2)
        .withKeys(ApiKeys.of("client-key")))) {
      String base = "http://127.0.0.1:" + server.port();
      Process ok = run(PYTHON, "src/test/resources/serve/perspective_client.py", base,
          "client-key", text);
      String out = new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, ok.exitValue(), out);
      JsonNode r = new ObjectMapper().readTree(out);
      assertEquals(TestServer.SCORER.score(text, false).probabilities().get(Label.FALSE_REPORT),
          r.at("/attributeScores/FALSE_REPORT/summaryScore/value").doubleValue(), 1e-9);
      assertTrue(r.at("/attributeScores/TOXICITY/spanScores").size() > 0, out);

      Process refused = run(PYTHON, "src/test/resources/serve/perspective_client.py", base,
          "wrong-key", text);
      String err = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(refused.exitValue() != 0 && err.contains("403"), err);
    }
  }

  private static Process run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + String.join(" ", command));
    }
    return p;
  }
}
