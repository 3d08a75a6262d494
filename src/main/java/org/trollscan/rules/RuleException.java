package org.trollscan.rules;

/**
 * A rule file that cannot be used: not UTF-8, or a line that breaks the file's format. The
 * message names the file and, when one is at fault, the line; a bundle's reader prefixes the
 * bundle and the entry.
 */
public final class RuleException extends IllegalArgumentException {
  private final String file;
  private final int line;
  private final String problem;

  /** A fault at {@code line} of {@code file} (1-based; 0 when the whole file is at fault). */
  public RuleException(String file, int line, String problem) {
    super(file + (line > 0 ? " line " + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
    this.problem = problem;
  }

  /** What is wrong, without the file and line. */
  public String problem() {
    return problem;
  }

  /** The rule file at fault, as named in {@link Rules#FILES}. */
  public String file() {
    return file;
  }

  /** The line at fault, counting from 1, or 0 for the whole file. */
  public int line() {
    return line;
  }
}
