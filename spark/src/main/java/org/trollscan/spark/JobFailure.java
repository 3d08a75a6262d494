package org.trollscan.spark;

/**
 * A user's mistake or an unusable input or output that stops {@link ScoreJob}: reported as one
 * line on stderr, without a stack trace, with the exit code of {@code org.trollscan.cli.ExitCodes}.
 */
public final class JobFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public JobFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
