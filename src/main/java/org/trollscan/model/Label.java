package org.trollscan.model;

import java.util.List;

/** The labels trollscan scores, as defined in LABELLING.md; the name is also the CSV column. */
public enum Label {
  HARASSMENT("harassment"),
  FALSE_REPORT("false_report");

  private final String column;

  Label(String column) {
    this.column = column;
  }

  /** The label's name in files and JSON ("false_report"). */
  @com.fasterxml.jackson.annotation.JsonValue
  public String column() {
    return column;
  }

  public static List<String> columns() {
    return List.of(HARASSMENT.column, FALSE_REPORT.column);
  }

  /** The label for a column name, or null. */
  public static Label fromColumn(String name) {
    for (Label l : values()) {
      if (l.column.equals(name)) {
        return l;
      }
    }
    return null;
  }
}
