package org.trollscan.output;

/**
 * The one rule that keeps every CSV trollscan writes from running as a formula in a spreadsheet
 * (CSV injection, as OWASP describes it). A cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, tab or carriage return gets a leading apostrophe, which spreadsheets read as "this is
 * text" and do not show, unless the cell is a number or a lone sign: those cannot be formulas,
 * and an apostrophe would turn {@code -3} into text for every program that reads the file.
 *
 * <p>A number is ASCII decimal notation as Java's {@code Double.parseDouble}, pandas and the
 * spreadsheets read it, with no spaces: an optional sign, digits with an optional decimal point
 * (digits may stand on either side of it, at least one in all), and an optional exponent {@code e}
 * or {@code E} with an optional sign and at least one digit: {@code -3}, {@code +2.5},
 * {@code -1e5}, {@code -.5}, {@code -5.}, {@code +1E-07}. Not numbers, so neutralised:
 * {@code -1,5}, {@code - 3}, {@code -0x1F}, {@code -Infinity}, {@code -NaN}, {@code +44 7700},
 * {@code -3+A1}, digits of other scripts.
 */
public final class SpreadsheetSafety {
  private SpreadsheetSafety() {}

  /** The cell as it is, or with a leading apostrophe when a spreadsheet would run it. */
  public static String neutralize(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell;
    }
    char c = cell.charAt(0);
    boolean formulaStart = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    if (!formulaStart || (c == '+' || c == '-') && (cell.length() == 1 || isNumber(cell))) {
      return cell;
    }
    return "'" + cell;
  }

  /** Whether the whole cell is a decimal number as the class comment defines it. */
  static boolean isNumber(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exponent = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        exponent++;
      }
      if (exponent == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
