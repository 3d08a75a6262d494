package org.trollscan.eval;

/**
 * The rows a metric is computed on: all of them ({@link #ALL}), or one value of a {@code --by}
 * column.
 */
public record Scope(String column, String value) {
  public static final Scope ALL = new Scope(null, null);

  public boolean isAll() {
    return column == null;
  }

  @Override
  public String toString() {
    return isAll() ? "all rows" : column + "=" + (value.isEmpty() ? "(empty)" : value);
  }
}
