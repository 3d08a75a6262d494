package org.trollscan.output;

/**
 * Neutralises CSV injection as OWASP recommends: a cell starting with =, +, -, @, tab or carriage
 * return would run as a formula in a spreadsheet, so it gets a leading apostrophe.
 */
public final class SpreadsheetSafety {
  private SpreadsheetSafety() {}

  public static String neutralize(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell;
    }
    char c = cell.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
        ? "'" + cell
        : cell;
  }
}
