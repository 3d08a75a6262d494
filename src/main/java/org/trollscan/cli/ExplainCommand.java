package org.trollscan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trollscan.model.Contribution;
import org.trollscan.model.Explanation;
import org.trollscan.model.Label;
import org.trollscan.model.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code trollscan explain}: shows how one post was read and scored. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Shows the normalised text, the tokens, and per label the probability, the "
        + "threshold and the features that pushed the score up and down.")
final class ExplainCommand implements Callable<Integer> {
  @ParentCommand TrollscanCommand parent;
  @Spec CommandSpec spec;
  @Mixin ModelOption model;

  @Parameters(paramLabel = "TEXT", arity = "0..1", description = "The post; omitted or '-': stdin.")
  String text;

  @Option(names = "--top", paramLabel = "N", description = "Features to list per direction (default: 10).")
  int top = 10;

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
    String post = text == null || text.equals("-")
        ? new String(parent.stdin.readAllBytes(), StandardCharsets.UTF_8).strip()
        : text;
    if (post.isBlank()) {
      throw new UsageException("explain needs a non-empty post");
    }
    Explanation e = new Scorer(model.load()).explain(post);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(e));
      out.flush();
      return ExitCodes.OK;
    }
    out.println("normalised: " + e.normalized());
    out.println("tokens:     " + String.join(" ", e.tokens()));
    for (Map.Entry<Label, Explanation.LabelExplanation> le : e.labels().entrySet()) {
      Explanation.LabelExplanation x = le.getValue();
      out.printf("%n%s: p=%.4f threshold=%.4f logit=%.4f %s%n", le.getKey().column(),
          x.probability(), x.threshold(), x.logit(),
          x.probability() >= x.threshold() ? "FLAGGED" : "not flagged");
      if (x.impliedByFalseReport()) {
        out.printf("  raised from its own model's %.4f to false_report's probability: a call to"
            + " report someone is harassment too (evidence from false_report)%n",
            x.modelProbability());
      }
      if (!x.evidence().isEmpty()) {
        out.println("  evidence: " + String.join(" | ", x.evidence()));
      }
      List<Contribution> up = x.contributions().stream().filter(c -> c.contribution() > 0)
          .limit(top).toList();
      List<Contribution> down = x.contributions().stream().filter(c -> c.contribution() < 0)
          .limit(top).toList();
      out.println("  raised by:");
      up.forEach(c -> out.printf("    %+8.4f  %s%n", c.contribution(), c.feature()));
      out.println("  lowered by:");
      down.forEach(c -> out.printf("    %+8.4f  %s%n", c.contribution(), c.feature()));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
