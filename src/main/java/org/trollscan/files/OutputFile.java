package org.trollscan.files;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.regex.Pattern;

/**
 * Every file trollscan writes goes through here, and this class alone decides how by what the
 * path names (the tool often runs as root, where a careless rename destroys a device node):
 * <ul>
 *   <li>a missing path or a regular file: written to a temporary file beside it and renamed over
 *       it by {@link #commit()}, so it appears complete or not at all; on an error or Ctrl-C the
 *       temporary file is deleted and the target is left as it was;</li>
 *   <li>a symbolic link: followed to the end of its chain, and the file at the end is treated as
 *       above (temporary file beside that file, not beside the link), so the link keeps pointing
 *       at the new content; a dangling link makes the file it points to;</li>
 *   <li>a character device, a FIFO, or a process's descriptor ({@code /dev/stdout},
 *       {@code /dev/stderr}, {@code /dev/fd/N}, {@code /proc/self/fd/N}): written through, in
 *       append mode, with no temporary file and no rename;</li>
 *   <li>anything else (a directory, a socket, a block device, a loop of links): refused before
 *       anything is written, with an {@link UncheckedIOException} naming the path (exit 5).</li>
 * </ul>
 * A write that fails names the target in its message and leaves no temporary file.
 */
public final class OutputFile implements AutoCloseable {
  /** Linux gives up after 40 links too (ELOOP). */
  private static final int MAX_LINKS = 40;
  /**
   * A descriptor link's folder: the link's target is an open file of a process, not a path to
   * replace. A holder, so that a run writing to stdout never compiles the pattern at start-up.
   */
  private static final class DescriptorFolder {
    static final Pattern PATTERN =
        Pattern.compile("/proc/(\\d+|self|thread-self)(/task/\\d+)?/fd");
  }
  private static final String STDOUT_REFUSED =
      "'-' (standard output) cannot take this output; name a file";
  private static final int S_IFMT = 0170000;
  private static final int S_IFCHR = 0020000;
  private static final int S_IFIFO = 0010000;
  private static final int S_IFSOCK = 0140000;
  private static final int S_IFBLK = 0060000;

  /** How a path is written. */
  enum Mode { STDOUT, REPLACE, WRITE_THROUGH }

  /**
   * Where a named output really goes: {@code path} is the file replaced (REPLACE) or opened
   * (WRITE_THROUGH); {@code shown} is how messages name it.
   */
  record Destination(Mode mode, Path path, String shown) {}

  private final Destination destination;
  private final Path temporary;
  private final FileChannel channel;
  /** Buffered, naming the target in its errors; closed by this class only. */
  private final OutputStream buffered;
  /** What callers write to: closing it only flushes (JSON and zip writers close their stream). */
  private final OutputStream stream;
  private final Thread cleanup;
  private boolean committed;

  private OutputFile(Destination destination, Path temporary, FileChannel channel,
      OutputStream raw) {
    this.destination = destination;
    this.temporary = temporary;
    this.channel = channel;
    this.buffered = new BufferedOutputStream(new Named(raw, destination.shown()), 1 << 16);
    this.stream = new FilterOutputStream(buffered) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    };
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

  /**
   * Standard output ({@code "-"} or null, when {@code stdout} is given) or the named file,
   * written as the class comment says. Refusals and failures to open are
   * {@link UncheckedIOException}s naming the path.
   */
  public static OutputFile open(String name, OutputStream stdout) {
    if (name == null || name.equals("-")) {
      if (stdout == null) {
        throw new IllegalArgumentException(STDOUT_REFUSED);
      }
      return new OutputFile(new Destination(Mode.STDOUT, null, "standard output"), null, null,
          stdout);
    }
    Destination d = destination(name);
    try {
      if (d.mode() == Mode.WRITE_THROUGH) {
        // Append: a descriptor that is a file the shell opened with >> keeps what it holds, and
        // what this process already wrote to it is not overwritten.
        return new OutputFile(d, null, null, Files.newOutputStream(d.path(),
            StandardOpenOption.WRITE, StandardOpenOption.APPEND));
      }
      Path dir = d.path().getParent();
      Files.createDirectories(dir);
      // Not Files.createTempFile: its owner-only permissions would stick to the renamed output.
      // createFile fails rather than follow anything already at this name.
      Path tmp = dir.resolve("." + d.path().getFileName() + "."
          + Long.toHexString(System.nanoTime()) + ".part");
      Files.createFile(tmp);
      FileChannel channel;
      try {
        channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      return new OutputFile(d, tmp, channel, Channels.newOutputStream(channel));
    } catch (IOException e) {
      throw new UncheckedIOException(d.shown() + ": cannot write: " + reason(e), e);
    }
  }

  /**
   * Refuses, with the message {@link #open} given the same arguments would give, a path that
   * cannot be written; creates nothing. Commands call it before long work, so that a wrong
   * {@code -o} fails at once.
   */
  public static void check(String name, OutputStream stdout) {
    if (name == null || name.equals("-")) {
      if (stdout == null) {
        throw new IllegalArgumentException(STDOUT_REFUSED);
      }
      return;
    }
    destination(name);
  }

  /**
   * Whether {@link #open} writes this name as a file made beside its target and renamed into
   * place (a missing path or a regular file, links followed), rather than standard output, a
   * device, a FIFO or a descriptor written through. A sidecar file belongs only beside the
   * former. Refuses what {@link #check} refuses.
   */
  public static boolean replacesAFile(String name) {
    return name != null && !name.equals("-") && destination(name).mode() == Mode.REPLACE;
  }

  /**
   * Makes a folder for output files (and its parents); a path that is there and is not a folder,
   * or a link to one, is refused.
   */
  public static void createFolder(Path dir) {
    if (checkFolder(dir)) {
      return;
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot create the folder: " + reason(e), e);
    }
  }

  /**
   * Refuses a path for a folder of output files when it is there and is not a folder or a link
   * to one; creates nothing. Returns whether the folder exists.
   */
  public static boolean checkFolder(Path dir) {
    if (Files.isDirectory(dir)) {
      return true;
    }
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      String what = Files.isSymbolicLink(dir) ? "is a symbolic link that does not lead to a folder"
          : kindOf(dir);
      throw refused(dir + ": " + what + ", not a folder; name a folder for the output files "
          + "(it is created when missing)");
    }
    return false;
  }

  /** Standard output of this process, unbuffered by System.out's PrintStream (which hides errors). */
  public static OutputStream stdout() {
    return new FileOutputStream(FileDescriptor.out);
  }

  /** The stream to write to; buffered; its errors name the target. */
  public OutputStream stream() {
    return stream;
  }

  /** Flushes and, for a file written beside its target, syncs it and moves it into place. */
  public void commit() throws IOException {
    buffered.flush();
    if (destination.mode() == Mode.WRITE_THROUGH) {
      buffered.close();
    } else if (temporary != null) {
      try {
        // On disk before the rename: after a power cut the target is old or new, never empty.
        channel.force(true);
      } catch (IOException e) {
        throw new IOException(destination.shown() + ": cannot write: " + reason(e), e);
      }
      buffered.close();
      // The path is examined again: between open and now it may have been replaced by something
      // a rename must not destroy.
      Destination now = destination(destination.path().toString());
      if (now.mode() != Mode.REPLACE || !now.path().equals(destination.path())) {
        throw new IOException(destination.shown() + ": changed while it was written; "
            + "not replaced");
      }
      copyOwnerAndPermissions(destination.path(), temporary);
      try {
        Files.move(temporary, destination.path(), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new IOException(destination.shown() + ": cannot write: " + reason(e), e);
      }
    }
    committed = true;
  }

  /** Deletes the temporary file unless committed; closes a file written through. */
  @Override
  public void close() {
    if (destination.mode() == Mode.STDOUT) {
      return;
    }
    try {
      if (!committed) {
        buffered.close(); // flushes: may fail again after a failed write; the file goes regardless
      }
    } catch (IOException e) {
      // Reported by the write that failed first.
    } finally {
      if (temporary != null) {
        try {
          if (!committed) {
            channel.close();
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
  }

  /** Follows the name through links and decides how it is written, or refuses it. */
  static Destination destination(String name) {
    Path named = Path.of(name).toAbsolutePath();
    Path p = named;
    for (int links = 0; links <= MAX_LINKS; links++) {
      String shown = p.equals(named) ? name : name + " (-> " + p + ")";
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        return new Destination(Mode.REPLACE, p, shown);
      } catch (IOException e) {
        throw new UncheckedIOException(shown + ": cannot write: " + reason(e), e);
      }
      if (a.isSymbolicLink()) {
        if (isDescriptor(p)) {
          return new Destination(Mode.WRITE_THROUGH, p, name);
        }
        try {
          p = p.resolveSibling(Files.readSymbolicLink(p));
        } catch (IOException e) {
          throw new UncheckedIOException(shown + ": cannot follow the link: " + reason(e), e);
        }
        continue;
      }
      if (a.isRegularFile()) {
        return new Destination(Mode.REPLACE, p, shown);
      }
      if (!a.isDirectory()) {
        int type = fileType(p);
        if (type == S_IFCHR || type == S_IFIFO) {
          return new Destination(Mode.WRITE_THROUGH, p, shown);
        }
      }
      throw refused(shown + ": " + kindOf(p) + ", not a file; trollscan writes only to a file "
          + "(replaced when the run succeeds), a character device, a FIFO or standard output");
    }
    throw refused(name + ": too many levels of symbolic links (a loop?); not written");
  }

  private static boolean isDescriptor(Path link) {
    try {
      return DescriptorFolder.PATTERN.matcher(link.getParent().toRealPath().toString())
          .matches();
    } catch (IOException e) {
      return false;
    }
  }

  /** The S_IFMT bits of a path (not followed), or -1 where the platform does not tell. */
  private static int fileType(Path p) {
    try {
      return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & S_IFMT;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** "is a directory", "is a socket"... for messages. */
  private static String kindOf(Path p) {
    if (Files.isSymbolicLink(p)) {
      return "is a symbolic link";
    }
    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      return "is a directory";
    }
    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      return "is a file";
    }
    return switch (fileType(p)) {
      case S_IFSOCK -> "is a socket";
      case S_IFBLK -> "is a block device";
      case S_IFCHR -> "is a character device";
      case S_IFIFO -> "is a FIFO";
      default -> "is not a regular file";
    };
  }

  /**
   * The replaced file keeps its mode, owner and group, as far as this process may set them: a
   * file a user shares with a group stays theirs and shared after a run as root.
   */
  private static void copyOwnerAndPermissions(Path from, Path to) {
    try {
      PosixFileAttributes old = Files.readAttributes(from, PosixFileAttributes.class);
      PosixFileAttributeView view = Files.getFileAttributeView(to, PosixFileAttributeView.class);
      view.setPermissions(old.permissions());
      try {
        view.setGroup(old.group());
        view.setOwner(old.owner());
      } catch (IOException e) {
        // Only root may give a file away; others keep their own ownership.
      }
    } catch (NoSuchFileException e) {
      // A new file: the umask decides, as for any file the user creates.
    } catch (IOException | UnsupportedOperationException e) {
      // Not a POSIX file system: its defaults apply.
    }
  }

  private static UncheckedIOException refused(String message) {
    return new UncheckedIOException(message, new IOException(message));
  }

  /** The system's reason without the path Java repeats in it ("/x: No space left on device"). */
  static String reason(IOException e) {
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return "already exists";
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }

  /** Names the target in every write error, so that "No space left on device" says where. */
  private static final class Named extends FilterOutputStream {
    private final String shown;

    Named(OutputStream out, String shown) {
      super(out);
      this.shown = shown;
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw named(e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw named(e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw named(e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        out.close();
      } catch (IOException e) {
        throw named(e);
      }
    }

    private IOException named(IOException e) {
      return new IOException(shown + ": cannot write: " + reason(e), e);
    }
  }
}
