package org.trollscan.cli;

/** Every exit code trollscan uses, in one place; the README's table mirrors this. */
public final class ExitCodes {
  /** The run completed; every row read was written (or filtered by --only-flagged). */
  public static final int OK = 0;
  /** An unexpected internal error (a bug): the message and stack trace help us fix it. */
  public static final int INTERNAL = 1;
  /** The command line is wrong (picocli's usage error code). */
  public static final int USAGE = 2;
  /** Input data cannot be read on: missing file or column, malformed CSV, bad label cell. */
  public static final int INPUT = 3;
  /** The model is missing, corrupt, tampered with or of an unknown format. */
  public static final int MODEL = 4;
  /** Output could not be written (disk full, permission denied). */
  public static final int IO = 5;
  /** The run completed but some rows were rejected (see --errors); the counts are on stderr. */
  public static final int REJECTED_ROWS = 6;
  /** trollscan eval: a --min or --max-drop quality gate failed. */
  public static final int GATE_FAILED = 7;

  private ExitCodes() {}
}
