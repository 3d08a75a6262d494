package org.trollscan.output;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where results go: stdout, or a file that appears complete or not at all. A file is written to a
 * temporary file in the same folder and renamed over the target only by {@link #commit()}; on an
 * error, or Ctrl-C, the temporary file is deleted and the target is left as it was.
 */
public final class OutputFile implements AutoCloseable {
  private final Path target;
  private final Path temporary;
  private final OutputStream stream;
  private final Thread cleanup;
  private boolean committed;

  private OutputFile(Path target, Path temporary, OutputStream stream) {
    this.target = target;
    this.temporary = temporary;
    this.stream = stream;
    if (temporary != null) {
      cleanup = new Thread(() -> {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          // Nothing more can be done while the JVM is going down.
        }
      });
      Runtime.getRuntime().addShutdownHook(cleanup);
    } else {
      cleanup = null;
    }
  }

  /** Standard output ({@code "-"} or null) or an atomically written file. */
  public static OutputFile open(String name, OutputStream stdout) {
    if (name == null || name.equals("-")) {
      return new OutputFile(null, null, new BufferedOutputStream(stdout, 1 << 16));
    }
    Path target = Path.of(name).toAbsolutePath();
    try {
      Path dir = target.getParent();
      Files.createDirectories(dir);
      // Not Files.createTempFile: its owner-only permissions would stick to the renamed output.
      Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime())
          + ".part");
      Files.createFile(tmp);
      return new OutputFile(target, tmp, new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16));
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": cannot write: " + e.getMessage(), e);
    }
  }

  /** Standard output of this process, unbuffered by System.out's PrintStream (which hides errors). */
  public static OutputStream stdout() {
    return new FileOutputStream(FileDescriptor.out);
  }

  public OutputStream stream() {
    return stream;
  }

  /** Flushes and, for a file, moves it into place. */
  public void commit() throws IOException {
    stream.flush();
    if (temporary != null) {
      stream.close();
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    }
    committed = true;
  }

  /** Deletes the temporary file unless committed. */
  @Override
  public void close() {
    if (temporary == null) {
      return;
    }
    try {
      if (!committed) {
        stream.close();
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      // The target is untouched either way.
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException e) {
        // Already shutting down: the hook deletes the temporary file.
      }
    }
  }
}
