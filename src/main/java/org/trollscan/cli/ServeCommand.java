package org.trollscan.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.trollscan.model.ModelBundle;
import org.trollscan.model.Scorer;
import org.trollscan.serve.ApiKeys;
import org.trollscan.serve.AttributeMap;
import org.trollscan.language.LanguageGuess;
import org.trollscan.serve.ScoringServer;
import org.trollscan.serve.ServeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code trollscan serve}: parses its options, starts a {@link ScoringServer}, stops on a signal. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Serves the model over HTTP: Perspective API's POST /v1alpha1/comments:analyze, and "
            + "POST /v1/score, GET /v1/model, GET /healthz, GET /metrics.",
        "Request text is never logged or stored. SIGTERM or Ctrl-C stops it: no new "
            + "connections, requests in flight finish (at most 10 s), exit 0."})
final class ServeCommand implements Callable<Integer> {
  /** Seconds in-flight requests get to finish after SIGTERM or SIGINT. */
  static final int GRACE_SECONDS = 10;

  @ParentCommand TrollscanCommand top;
  @Mixin ModelOption model;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; "
          + "0.0.0.0 for every interface).")
  String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
      description = "Port (default: ${DEFAULT-VALUE}; 0: any free port, printed at start).")
  int port;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads (default: twice the cores, at least 4).")
  int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

  @Option(names = "--api-key-file", paramLabel = "FILE",
      description = "Require one of the keys in FILE (one per line) as ?key=, X-Goog-Api-Key "
          + "or Authorization: Bearer.")
  Path apiKeyFile;

  @Option(names = "--attribute", paramLabel = "NAME=LABEL",
      description = "Answer Perspective attribute NAME from LABEL (harassment, false_report), "
          + "or refuse it (none). Default: TOXICITY, SEVERE_TOXICITY, INSULT, THREAT and "
          + "HARASSMENT from harassment; FALSE_REPORT from false_report.")
  Map<String, String> attributes = new LinkedHashMap<>();

  @Option(names = "--max-body", paramLabel = "BYTES",
      description = "Largest request body (default: 1048576); larger ones get 413.")
  long maxBody = ServeConfig.DEFAULT_MAX_BODY;

  @Option(names = "--max-batch", paramLabel = "N",
      description = "Most posts in one POST /v1/score (default: 1000).")
  int maxBatch = ServeConfig.DEFAULT_MAX_BATCH;

  @Option(names = "--queue", paramLabel = "N",
      description = "Requests that may wait for a worker (default: 256); beyond, 503.")
  int queue = ServeConfig.DEFAULT_QUEUE;

  @Option(names = {"-q", "--quiet"},
      description = "No start and stop lines on stderr, except the address when --port 0 "
          + "chose it (errors are still printed).")
  boolean quiet;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintStream err = top.stderr;
    ApiKeys keys = apiKeyFile == null ? null
        : UsageException.fromOptions(() -> ApiKeys.read(apiKeyFile));
    ServeConfig config = UsageException.fromOptions(() -> new ServeConfig(host, port, threads,
        queue, maxBody, maxBatch, keys, AttributeMap.defaults().with(attributes)));
    // The language model is read after the scoring model and the server are up: the two reads
    // would share the CPU and delay the first answer, which most often needs no language guess.
    LanguageGuess languages = LanguageGuess.notLoaded();
    ModelBundle bundle = model.load();
    // The stop hook goes in before the port opens: a supervisor may send SIGTERM as soon as it
    // can connect; without the hook that signal would end the JVM with 143, requests in flight
    // cut.
    AtomicReference<ScoringServer> serving = new AtomicReference<>();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      ScoringServer running = serving.get();
      if (running == null) {
        return; // the port never opened (or failed to): the exit code stands as it is
      }
      running.stop(GRACE_SECONDS);
      if (!quiet) {
        err.println("trollscan: stopped after " + running.answered() + " requests");
      }
      err.flush();
      stopped.countDown();
      // A signal is how this command is meant to end, not a failure: exit 0, not 128+signal.
      Runtime.getRuntime().halt(ExitCodes.OK);
    }, "trollscan-serve-stop"));
    ScoringServer server;
    try {
      server = ScoringServer.bind(config, new Scorer(bundle), languages);
    } catch (BindException e) {
      throw new UsageException("cannot listen on " + host + ":" + port + ": "
          + e.getMessage());
    }
    serving.set(server);
    server.serve();
    String address = "http://" + hostForUrl(server.address().getHostString()) + ":"
        + server.address().getPort();
    if (!quiet || port == 0) {
      err.println("trollscan: serving " + address + " with model "
          + bundle.manifest().modelVersion() + " (" + threads + " threads" + (keys == null
              ? ", no API key" : ", API key required") + "); SIGTERM or Ctrl-C stops it");
    }
    err.flush();
    languages.startLoading();
    stopped.await();
    return ExitCodes.OK;
  }

  private static String hostForUrl(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
