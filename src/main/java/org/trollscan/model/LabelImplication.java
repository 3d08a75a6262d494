package org.trollscan.model;

/**
 * The one rule that ties the labels together. LABELLING.md counts every false_report post as
 * harassment, but each label has a model of its own, so a call to report can score high for
 * false_report and low for harassment. Where false_report is flagged, the harassment probability
 * is raised to the false_report probability. Below false_report's threshold the scores stay apart:
 * raising harassment by every faint false_report score cost more on tweets than it gained.
 */
public final class LabelImplication {
  private LabelImplication() {}

  /** Whether the rule raises harassment for these model probabilities. */
  public static boolean raises(double harassment, double falseReport, double falseReportThreshold) {
    return falseReport >= falseReportThreshold && falseReport > harassment;
  }

  /** The harassment probability after the rule. */
  public static double harassment(double harassment, double falseReport,
      double falseReportThreshold) {
    return raises(harassment, falseReport, falseReportThreshold) ? falseReport : harassment;
  }
}
