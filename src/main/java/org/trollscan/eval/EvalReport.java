package org.trollscan.eval;

import java.util.List;

/**
 * Everything one {@code trollscan eval} run found, for the table, the JSON and the HTML page.
 *
 * @param models the models evaluated, on the same rows in the same order
 * @param reference index of the model differences are taken against (the baseline), or -1
 * @param bootstrap the intervals and differences, or null with {@code --bootstrap 0}
 * @param gates every gate's outcome, in the order given
 * @param provenance what was run, when, on what
 */
public record EvalReport(List<ModelRun> models, int reference, BootstrapResult bootstrap,
    List<Gate.Result> gates, Provenance provenance) {

  /**
   * One model's evaluation.
   *
   * @param name how the report names it (the bundle's file name, or "shipped")
   * @param version the model version in its manifest
   * @param baseline whether it was given as {@code --baseline}
   */
  public record ModelRun(String name, String version, boolean baseline, Evaluation evaluation) {}

  /**
   * @param toolVersion trollscan's version
   * @param commandLine the arguments, joined with spaces
   * @param createdAt when the run finished, ISO-8601 UTC
   * @param data the labelled files
   */
  public record Provenance(String toolVersion, String commandLine, String createdAt,
      List<String> data) {}

  /** The first model: the one whose metrics the JSON's top-level labels hold. */
  public ModelRun main() {
    return models.get(0);
  }

  /** A model's interval, or undefined without a bootstrap. */
  public Interval interval(int model, Scope scope, String label, Metric metric) {
    return bootstrap == null ? Interval.UNDEFINED
        : bootstrap.interval(model, scope, label, metric);
  }

  /**
   * A model's difference from the reference (without a bootstrap, the point difference with an
   * undefined interval), or null for the reference itself, without one, or for a label or
   * slice one of them lacks.
   */
  public Difference difference(int model, Scope scope, String label, Metric metric) {
    if (reference < 0 || model == reference) {
      return null;
    }
    if (bootstrap != null) {
      return bootstrap.difference(model, scope, label, metric);
    }
    LabelMetrics mine = models.get(model).evaluation().at(scope).get(label);
    LabelMetrics theirs = models.get(reference).evaluation().at(scope).get(label);
    return mine == null || theirs == null ? null
        : new Difference(metric.of(mine) - metric.of(theirs), Interval.UNDEFINED);
  }

  /** Every scope: all rows, then each value of each --by column. */
  public List<Scope> scopes() {
    List<Scope> scopes = new java.util.ArrayList<>();
    scopes.add(Scope.ALL);
    main().evaluation().slices().forEach((column, values) ->
        values.keySet().forEach(v -> scopes.add(new Scope(column, v))));
    return scopes;
  }
}
