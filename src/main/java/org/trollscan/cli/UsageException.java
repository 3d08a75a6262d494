package org.trollscan.cli;

import java.util.function.Supplier;

/**
 * An option value the command cannot work with: exit 2 with the message alone. Only this (and
 * picocli's own parse errors) means "usage": an IllegalArgumentException from deeper down, once
 * the options are accepted, is a bug and exits 1 with its stack trace.
 */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }

  /**
   * Builds something from option values with a constructor of the packages below the CLI, whose
   * IllegalArgumentException then describes a bad option, not a bug.
   */
  static <T> T fromOptions(Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** Runs a check of option values done by a package below the CLI (see the other overload). */
  static void fromOptions(Runnable check) {
    fromOptions(() -> {
      check.run();
      return null;
    });
  }
}
