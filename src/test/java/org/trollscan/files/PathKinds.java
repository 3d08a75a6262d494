package org.trollscan.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** For tests that attack output paths: what kind of file a path is, and making special files. */
public final class PathKinds {
  private PathKinds() {}

  /** "file", "link", "directory", "character device", "fifo", ... of the path itself. */
  public static String type(Path p) throws IOException {
    int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
    return switch (mode) {
      case 0100000 -> "file";
      case 0120000 -> "link";
      case 0040000 -> "directory";
      case 0020000 -> "character device";
      case 0010000 -> "fifo";
      case 0060000 -> "block device";
      case 0140000 -> "socket";
      default -> Integer.toOctalString(mode);
    };
  }

  /** Runs a command (mknod, mkfifo, ...); whether it succeeded within 10 s. */
  public static boolean run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
