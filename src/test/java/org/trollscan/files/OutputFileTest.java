package org.trollscan.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link OutputFile} does with each kind of path. Devices are made with mknod inside the
 * test's own folder (the tests run as root in CI); where that is not allowed, a link to the real
 * device stands in, so that even broken code can only replace the link, never /dev itself.
 */
class OutputFileTest {
  @TempDir Path dir;

  static final byte[] NEW = "new content\n".getBytes(StandardCharsets.UTF_8);

  static String type(Path p) throws IOException {
    return PathKinds.type(p);
  }

  static boolean run(String... command) {
    return PathKinds.run(command);
  }

  /** A character device node with these numbers in {@code dir}, or a link to {@code device}. */
  static Path charDevice(Path dir, String name, int major, int minor, String device) {
    Path p = dir.resolve(name);
    if (run("mknod", "-m", "666", p.toString(), "c", Integer.toString(major),
        Integer.toString(minor))) {
      return p;
    }
    try {
      return Files.createSymbolicLink(p, Path.of(device));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(String name, byte[] bytes) throws IOException {
    try (OutputFile f = OutputFile.open(name, null)) {
      f.stream().write(bytes);
      f.commit();
    }
  }

  List<Path> leftovers(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
    }
  }

  @Test
  void aMissingPathIsCreatedWithItsFoldersAndNoTemporaryFileIsLeft() throws IOException {
    Path target = dir.resolve("a/b/out.csv");
    write(target.toString(), NEW);
    assertArrayEquals(NEW, Files.readAllBytes(target));
    assertEquals(List.of(), leftovers(target.getParent()));
  }

  @Test
  void aRegularFileIsReplacedOnlyAtCommitAndKeepsItsPermissions() throws IOException {
    Path target = Files.writeString(dir.resolve("out.csv"), "old\n");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
    try (OutputFile f = OutputFile.open(target.toString(), null)) {
      f.stream().write(NEW);
      f.stream().flush();
      assertEquals("old\n", Files.readString(target));
      assertEquals(1, leftovers(dir).size());
      f.commit();
    }
    assertArrayEquals(NEW, Files.readAllBytes(target));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    assertEquals(List.of(), leftovers(dir));
  }

  /** Jackson and zip writers close the stream they are given; the file is committed after. */
  @Test
  void aWriterThatClosesTheStreamDoesNotStopTheCommit() throws IOException {
    Path target = dir.resolve("out.json");
    try (OutputFile f = OutputFile.open(target.toString(), null)) {
      f.stream().write(NEW);
      f.stream().close();
      f.commit();
    }
    assertArrayEquals(NEW, Files.readAllBytes(target));
  }

  @Test
  void anOutputNeverCommittedLeavesTheTargetAsItWas() throws IOException {
    Path target = Files.writeString(dir.resolve("out.csv"), "old\n");
    try (OutputFile f = OutputFile.open(target.toString(), null)) {
      f.stream().write(NEW);
    }
    assertEquals("old\n", Files.readString(target));
    assertEquals(List.of(), leftovers(dir));
  }

  @Test
  void aChainOfLinksIsFollowedAndTheFileAtItsEndReplacedBesideItself() throws IOException {
    Path real = Files.writeString(Files.createDirectories(dir.resolve("data")).resolve("real.csv"),
        "old\n");
    Path links = Files.createDirectories(dir.resolve("links"));
    Path second = Files.createSymbolicLink(links.resolve("second"), Path.of("../data/real.csv"));
    Path first = Files.createSymbolicLink(dir.resolve("first"), second);
    try (OutputFile f = OutputFile.open(first.toString(), null)) {
      f.stream().write(NEW);
      f.stream().flush();
      assertEquals(1, leftovers(real.getParent()).size(), "the temporary file is beside the target");
      assertEquals(List.of(), leftovers(dir));
      assertEquals(List.of(), leftovers(links));
      f.commit();
    }
    assertEquals("link", type(first));
    assertEquals("link", type(second));
    assertEquals("file", type(real));
    assertArrayEquals(NEW, Files.readAllBytes(first));
    assertEquals(List.of(), leftovers(real.getParent()));
  }

  @Test
  void aDanglingLinkMakesTheFileItPointsTo() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("latest.csv"), Path.of("runs/today.csv"));
    write(link.toString(), NEW);
    assertEquals("link", type(link));
    assertArrayEquals(NEW, Files.readAllBytes(dir.resolve("runs/today.csv")));
  }

  @Test
  void aLoopOfLinksIsRefused() throws IOException {
    Path a = dir.resolve("a");
    Files.createSymbolicLink(a, Path.of("b"));
    Files.createSymbolicLink(dir.resolve("b"), Path.of("a"));
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> OutputFile.open(a.toString(), null));
    assertTrue(e.getMessage().startsWith(a + ": too many levels of symbolic links"),
        e.getMessage());
    assertEquals("link", type(a));
  }

  @Test
  void aFifoIsWrittenThroughToItsReaderAndStaysAFifo() throws Exception {
    Path fifo = dir.resolve("pipe");
    assumeTrue(run("mkfifo", fifo.toString()), "mkfifo is not available");
    CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = Files.newInputStream(fifo)) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    write(fifo.toString(), NEW);
    assertArrayEquals(NEW, read.get(10, TimeUnit.SECONDS));
    assertEquals("fifo", type(fifo));
    assertEquals(List.of(), leftovers(dir));
  }

  @Test
  void aCharacterDeviceIsWrittenThroughAndStaysADevice() throws IOException {
    Path fakeNull = charDevice(dir, "fakenull", 1, 3, "/dev/null");
    write(fakeNull.toString(), NEW);
    assertEquals("character device", type(fakeNull.toRealPath()));
    assertEquals(Files.isSymbolicLink(fakeNull) ? "link" : "character device", type(fakeNull));
    assertEquals(List.of(), leftovers(dir));
  }

  @Test
  void aWriteThroughThatFailsNamesTheTarget() throws IOException {
    Path full = charDevice(dir, "full", 1, 7, "/dev/full");
    IOException e = assertThrows(IOException.class, () -> write(full.toString(), NEW));
    assertTrue(e.getMessage().startsWith(full + ": cannot write: No space left on device"),
        e.getMessage());
    assertEquals("character device", type(full.toRealPath()));
  }

  @Test
  void descriptorsOfTheProcessAreWrittenThroughNotReplaced() {
    for (String name : List.of("/dev/stdout", "/dev/stderr", "/dev/fd/1", "/proc/self/fd/2")) {
      assertEquals(OutputFile.Mode.WRITE_THROUGH, OutputFile.destination(name).mode(), name);
    }
  }

  @Test
  void aDirectoryIsRefusedByNameAndNothingIsWritten() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("out.csv"));
    for (Runnable attempt : List.<Runnable>of(() -> OutputFile.open(folder.toString(), null),
        () -> OutputFile.check(folder.toString(), null))) {
      UncheckedIOException e = assertThrows(UncheckedIOException.class, attempt::run);
      assertTrue(e.getMessage().startsWith(folder + ": is a directory, not a file;"),
          e.getMessage());
    }
    assertEquals("directory", type(folder));
    assertEquals(List.of(), leftovers(dir));
  }

  @Test
  void aLinkToADirectoryIsRefusedNamingBoth() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("folder"));
    Path link = Files.createSymbolicLink(dir.resolve("out.csv"), folder);
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> OutputFile.open(link.toString(), null));
    assertTrue(e.getMessage().startsWith(link + " (-> " + folder + "): is a directory"),
        e.getMessage());
    assertEquals("link", type(link));
  }

  @Test
  void aSocketAndABlockDeviceAreRefused() throws IOException {
    Path socket = dir.resolve("socket");
    try (ServerSocketChannel server = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      UncheckedIOException e = assertThrows(UncheckedIOException.class,
          () -> OutputFile.open(socket.toString(), null));
      assertTrue(e.getMessage().startsWith(socket + ": is a socket, not a file"), e.getMessage());
      assertEquals("socket", type(socket));
    }
    Path block = dir.resolve("block");
    // A loop device number no test machine uses; the node is only ever examined.
    assumeTrue(run("mknod", block.toString(), "b", "7", "250"), "mknod is not allowed here");
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> OutputFile.open(block.toString(), null));
    assertTrue(e.getMessage().startsWith(block + ": is a block device, not a file"),
        e.getMessage());
    assertEquals("block device", type(block));
  }

  @Test
  void aTargetReplacedByAFifoWhileBeingWrittenIsNotRenamedOver() throws IOException {
    Path target = Files.writeString(dir.resolve("out.csv"), "old\n");
    try (OutputFile f = OutputFile.open(target.toString(), null)) {
      f.stream().write(NEW);
      Files.delete(target);
      assumeTrue(run("mkfifo", target.toString()), "mkfifo is not available");
      IOException e = assertThrows(IOException.class, f::commit);
      assertTrue(e.getMessage().contains("changed while it was written"), e.getMessage());
    }
    assertEquals("fifo", type(target));
    assertEquals(List.of(), leftovers(dir));
  }

  @Test
  void aFolderForOutputFilesMustBeAFolder() throws IOException {
    Path file = Files.writeString(dir.resolve("summary"), "x");
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> OutputFile.createFolder(file));
    assertTrue(e.getMessage().startsWith(file + ": is a file, not a folder"), e.getMessage());
    Path made = dir.resolve("new/summary");
    OutputFile.createFolder(made);
    assertTrue(Files.isDirectory(made));
  }

  @Test
  void standardOutputIsRefusedWhereTheCallerOffersNone() {
    assertThrows(IllegalArgumentException.class, () -> OutputFile.open("-", null));
    assertThrows(IllegalArgumentException.class, () -> OutputFile.check("-", null));
    OutputFile.check("-", OutputStream.nullOutputStream());
  }

  /**
   * A real full file system: a 64 KiB tmpfs, mounted and unmounted by the test (needs root with
   * CAP_SYS_ADMIN; skipped elsewhere, where ScoreCommand's file-size-limit test still runs).
   */
  @Test
  void aFullFileSystemLeavesNoTemporaryFileAndTheOldTargetInPlace() throws IOException {
    Path mount = Files.createDirectories(dir.resolve("small"));
    assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString()),
        "cannot mount a tmpfs here");
    try {
      Path target = Files.writeString(mount.resolve("out.csv"), "old\n");
      IOException e = assertThrows(IOException.class, () -> {
        try (OutputFile f = OutputFile.open(target.toString(), null)) {
          OutputStream out = f.stream();
          byte[] block = new byte[8192];
          for (int i = 0; i < 64; i++) { // 512 KiB into 64 KiB
            out.write(block);
          }
          f.commit();
        }
      });
      assertTrue(e.getMessage().startsWith(target + ": cannot write: No space left on device"),
          e.getMessage());
      assertEquals("old\n", Files.readString(target));
      assertEquals(List.of(), leftovers(mount));
    } finally {
      assertTrue(run("umount", mount.toString()), "could not unmount " + mount);
    }
    assertFalse(Files.exists(mount.resolve("out.csv")));
  }
}
