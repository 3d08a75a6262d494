package org.trollscan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.trollscan.explain.ExplanationReport;
import org.trollscan.model.Explanation;
import org.trollscan.model.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code trollscan explain}: reads one post, explains it with a {@link Scorer}, prints it. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Shows the normalised text, the tokens, and per label the probability, the "
        + "threshold and the features that pushed the score up and down.")
final class ExplainCommand implements Callable<Integer> {
  @ParentCommand TrollscanCommand parent;
  @Spec CommandSpec spec;
  @Mixin ModelOption model;

  @Parameters(paramLabel = "TEXT", arity = "0..1", description = "The post; omitted or '-': stdin.")
  String text;

  @Option(names = "--top", paramLabel = "N",
      description = "Features to list per direction (default: 10).")
  int top = ExplanationReport.DEFAULT_TOP;

  @Option(names = "--json", description = "Print the explanation as JSON.")
  boolean json;

  // explain writes nothing on stderr but errors; the option is taken so that a script can pass
  // --quiet to every subcommand alike.
  @Option(names = {"-q", "--quiet"},
      description = "Accepted for every subcommand alike; explain prints nothing on stderr but "
          + "errors anyway.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    if (top < 0) {
      throw new UsageException("--top must be 0 or more, not " + top);
    }
    String post = text == null || text.equals("-")
        ? new String(parent.stdin.readAllBytes(), StandardCharsets.UTF_8).strip()
        : text;
    if (post.isBlank()) {
      throw new UsageException("explain needs a non-empty post");
    }
    Explanation e = new Scorer(model.load()).explain(post);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(ExplanationReport.json(e));
      out.flush();
    } else {
      ExplanationReport.printText(out, e, top);
    }
    return ExitCodes.OK;
  }
}
