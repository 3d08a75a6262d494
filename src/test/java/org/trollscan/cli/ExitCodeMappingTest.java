package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.trollscan.input.InputException;
import org.trollscan.model.BundleException;

/** Which failure gets which exit code: a bug is never reported as the user's usage error. */
class ExitCodeMappingTest {
  @Test
  void anIllegalArgumentFromInsideTheToolIsAnInternalErrorNotUsage() {
    assertEquals(ExitCodes.INTERNAL,
        TrollscanCommand.exitCode(new IllegalArgumentException("Not a valid Unicode code point")));
    assertEquals(ExitCodes.INTERNAL, TrollscanCommand.exitCode(new NumberFormatException("x")));
    assertEquals(ExitCodes.INTERNAL, TrollscanCommand.exitCode(new IllegalStateException()));
  }

  @Test
  void eachTypedFailureHasItsDocumentedCode() {
    assertEquals(ExitCodes.USAGE, TrollscanCommand.exitCode(new UsageException("--threads")));
    assertEquals(ExitCodes.INPUT, TrollscanCommand.exitCode(new InputException("f.csv", 3, "x")));
    assertEquals(ExitCodes.MODEL, TrollscanCommand.exitCode(new BundleException("m.zip")));
    assertEquals(ExitCodes.IO, TrollscanCommand.exitCode(new IOException("No space left")));
    assertEquals(ExitCodes.IO,
        TrollscanCommand.exitCode(new UncheckedIOException(new IOException("disk"))));
    assertEquals(ExitCodes.OK, TrollscanCommand.exitCode(new IOException("Broken pipe")));
  }

  @Test
  void badOptionValuesThatLowerPackagesRejectAreStillUsageErrors() {
    Cli.Result train = Cli.run("train", "--data", "x.csv", "-o", "m.zip", "--char-ngrams", "5-x");
    assertEquals(ExitCodes.USAGE, train.exitCode(), train.err());
    assertTrue(train.err().contains("--char-ngrams must be MIN-MAX or 0, not '5-x'"), train.err());
    Cli.Result ngrams = Cli.run("train", "--data", "x.csv", "-o", "m.zip", "--char-ngrams", "2-11");
    assertEquals(ExitCodes.USAGE, ngrams.exitCode(), ngrams.err());
    assertTrue(ngrams.err().contains("<= 10"), ngrams.err());
    Cli.Result words = Cli.run("train", "--data", "x.csv", "-o", "m.zip", "--word-ngrams", "6");
    assertEquals(ExitCodes.USAGE, words.exitCode(), words.err());
    Cli.Result algorithm = Cli.run("train", "--data", "x.csv", "-o", "m.zip", "--algorithm", "SGD");
    assertEquals(ExitCodes.USAGE, algorithm.exitCode(), algorithm.err());
    assertTrue(algorithm.err().contains("QN or GIS"), algorithm.err());
    Cli.Result gate = Cli.run("eval", "--data", "x.csv", "--min", "harassment:auc=high");
    assertEquals(ExitCodes.USAGE, gate.exitCode(), gate.err());
    Cli.Result threads = Cli.run("score", "--threads", "0", "x.csv");
    assertEquals(ExitCodes.USAGE, threads.exitCode(), threads.err());
    Cli.Result attribute = Cli.run("serve", "--port", "0", "--attribute", "TOXICITY=nosuch");
    assertEquals(ExitCodes.USAGE, attribute.exitCode(), attribute.err());
    Cli.Result keys = Cli.run("serve", "--port", "0", "--api-key-file", "/nonexistent/keys");
    assertEquals(ExitCodes.USAGE, keys.exitCode(), keys.err());
    assertTrue(keys.err().startsWith("trollscan: --api-key-file /nonexistent/keys: cannot read"),
        keys.err());
  }
}
