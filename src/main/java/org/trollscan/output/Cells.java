package org.trollscan.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.StringJoiner;
import org.trollscan.model.Label;
import org.trollscan.model.Score;

/** Formats score values the same way for every output (CSV, JSON Lines, Spark). */
public final class Cells {
  private static final JsonFactory JSON = new JsonFactory();

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

  /**
   * A label's evidence phrases as a CSV cell: a JSON array of strings, {@code ["lazy cow","ring
   * social services on her"]}, {@code []} when there are none. JSON because a phrase may hold
   * any character, a separator included; every language a researcher uses reads JSON arrays.
   * The phrases are exactly as in the post (line breaks written as JSON's {@code \n}).
   */
  public static String phrases(List<String> phrases) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartArray();
      for (String phrase : phrases) {
        json.writeString(phrase);
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does no I/O
    }
    return out.toString();
  }

  /** A number with six decimals in plain notation, of any size and sign ("-0.000462"). */
  public static String decimal(double x) {
    return new BigDecimal(x).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
  }

  /**
   * The phrases a label's evidence column holds: the score's evidence for a flagged label, none
   * for a label that is not flagged (the scorer may have found phrases for it all the same).
   */
  public static List<String> evidencePhrases(Label label, Score score) {
    return score.flagged().contains(label) ? score.evidence().getOrDefault(label, List.of())
        : List.of();
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
