package org.trollscan.output;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.trollscan.model.Label;

/** Formats score values the same way for every output (CSV, JSON Lines, Spark). */
public final class Cells {
  private Cells() {}

  /** A probability with six decimals, fast and locale-independent ("0.031250"). */
  public static String probability(double p) {
    long micro = Math.round(p * 1_000_000);
    if (micro >= 1_000_000) {
      return "1.000000";
    }
    String digits = Long.toString(1_000_000 + Math.max(0, micro));
    return "0." + digits.substring(1);
  }

  public static String flagged(List<Label> flagged) {
    StringJoiner j = new StringJoiner(";");
    for (Label l : flagged) {
      j.add(l.column());
    }
    return j.toString();
  }

  /** "false_report: ring social services | her kids; harassment: ..." in label order. */
  public static String evidence(List<Label> flagged, Map<Label, List<String>> evidence) {
    StringJoiner j = new StringJoiner("; ");
    for (Label l : flagged) {
      List<String> phrases = evidence.get(l);
      if (phrases != null && !phrases.isEmpty()) {
        j.add(l.column() + ": " + oneLine(String.join(" | ", phrases)));
      }
    }
    return j.toString();
  }

  /** Evidence is read in a cell or a terminal: line breaks and runs of spaces become one space. */
  public static String oneLine(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean afterSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        if (!afterSpace) {
          out.append(' ');
        }
        afterSpace = true;
      } else {
        out.append(c);
        afterSpace = false;
      }
    }
    return out.toString();
  }
}
