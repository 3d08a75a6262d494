package org.trollscan.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random paths for {@link OutputFile}: a chain of zero to four symbolic links (relative or
 * absolute, across folders, sometimes closed into a loop) ending in a missing path, a file, a
 * folder, a FIFO or a character device. Whatever the chain, no path changes kind, the content
 * lands at the end of the chain or the path is refused by name, and no temporary file is left.
 */
class OutputFilePropertiesTest {
  enum End { MISSING, FILE, FOLDER, FIFO, DEVICE, LOOP }

  record Hop(boolean absolute, int folder) {}

  record Case(List<Hop> hops, End end) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Hop> hop = Combinators.combine(Arbitraries.of(true, false),
        Arbitraries.integers().between(0, 2)).as(Hop::new);
    return Combinators.combine(hop.list().ofMaxSize(4), Arbitraries.of(End.class))
        .as(Case::new)
        .filter(c -> c.end() != End.LOOP || !c.hops().isEmpty());
  }

  static final byte[] NEW = "id,harassment\r\n1,0.5\r\n".getBytes(StandardCharsets.UTF_8);

  @Property(tries = 100)
  void noPathChangesKindAndTheContentLandsAtTheEndOrIsRefused(@ForAll("cases") Case c)
      throws Exception {
    Path root = Files.createTempDirectory("trollscan-outputs");
    try {
      check(root, c);
    } finally {
      deleteTree(root);
    }
  }

  private void check(Path root, Case c) throws Exception {
    for (int f = 0; f < 3; f++) {
      Files.createDirectories(root.resolve("d" + f));
    }
    Path end = root.resolve("d0").resolve("end");
    switch (c.end()) {
      case FILE -> Files.writeString(end, "old\n");
      case FOLDER -> Files.createDirectories(end);
      case FIFO -> assertTrue(OutputFileTest.run("mkfifo", end.toString()));
      case DEVICE -> end = OutputFileTest.charDevice(end.getParent(), "end", 1, 3, "/dev/null");
      default -> { }
    }
    // Links from the last hop back to the first, each pointing at the next path in the chain.
    Path next = end;
    List<Path> links = new ArrayList<>();
    for (int i = c.hops().size() - 1; i >= 0; i--) {
      Hop h = c.hops().get(i);
      Path link = root.resolve("d" + h.folder()).resolve("link" + i);
      Path target = h.absolute() ? next : link.getParent().relativize(next);
      if (c.end() == End.LOOP && i == c.hops().size() - 1) {
        target = root.resolve("d" + c.hops().get(0).folder()).resolve("link0");
      }
      Files.createSymbolicLink(link, target);
      links.add(0, link);
      next = link;
    }
    Path named = next;
    Map<Path, String> before = kinds(root);

    CompletableFuture<byte[]> fifo = null;
    if (c.end() == End.FIFO) {
      Path f = end;
      fifo = CompletableFuture.supplyAsync(() -> {
        try (InputStream in = Files.newInputStream(f)) {
          return in.readAllBytes();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    if (c.end() == End.FOLDER || c.end() == End.LOOP) {
      UncheckedIOException e = assertThrows(UncheckedIOException.class,
          () -> OutputFileTest.write(named.toString(), NEW));
      assertTrue(e.getMessage().startsWith(named.toString()), e.getMessage());
      assertEquals(before, kinds(root));
      return;
    }
    OutputFileTest.write(named.toString(), NEW);
    Map<Path, String> after = kinds(root);
    if (c.end() == End.MISSING) {
      assertEquals("file", after.remove(end));
    }
    assertEquals(before, after, "no path changed kind and nothing else appeared");
    switch (c.end()) {
      case MISSING, FILE -> assertArrayEquals(NEW, Files.readAllBytes(end));
      case FIFO -> assertArrayEquals(NEW, fifo.get(10, TimeUnit.SECONDS));
      default -> { }
    }
  }

  /** Every path under root (links not followed) and its kind; temporary files would show. */
  private static Map<Path, String> kinds(Path root) throws IOException {
    Map<Path, String> kinds = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.toList()) {
        kinds.put(p, OutputFileTest.type(p));
      }
    }
    return kinds;
  }

  private static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
