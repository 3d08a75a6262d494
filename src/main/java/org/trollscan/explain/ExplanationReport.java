package org.trollscan.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.trollscan.model.Contribution;
import org.trollscan.model.Explanation;
import org.trollscan.model.Label;

/**
 * Renders what {@code trollscan explain} shows of one post: a page of text for a person, or the
 * {@link Explanation} record as indented JSON for a program.
 */
public final class ExplanationReport {
  /** Features listed per direction unless the caller says otherwise. */
  public static final int DEFAULT_TOP = 10;

  private ExplanationReport() {}

  /**
   * The normalised text and tokens, then per label its probability, threshold and logit, its
   * evidence, and the {@code top} features that raised and lowered it most.
   */
  public static void printText(PrintWriter out, Explanation e, int top) {
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
  }

  /** The explanation as indented JSON: the record's fields, labels by their column names. */
  public static String json(Explanation e) {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(e);
    } catch (JsonProcessingException ex) {
      // Records of strings, numbers and lists always serialise; failing here is a bug.
      throw new IllegalStateException("cannot write the explanation as JSON", ex);
    }
  }
}
