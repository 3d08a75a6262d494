package org.trollscan.robust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.trollscan.input.InputException;
import org.trollscan.input.InputFormat;
import org.trollscan.input.Post;
import org.trollscan.input.PostSource;
import org.trollscan.input.PostSources;
import org.trollscan.input.ReadItem;
import org.trollscan.input.ReaderOptions;
import org.trollscan.input.RejectedRow;

/**
 * Random and mutated bytes through every reader: the only exception a reader may throw is an
 * {@link InputException} (a clear message for the user), and every item it yields is a post or
 * a rejected row. The number of tries is kept small for CI; raise it with
 * -Djqwik.tries.default=100000 (see README, "Fuzzing").
 */
class ReaderPropertiesTest {

  @Provide
  Arbitrary<byte[]> csvLike() {
    Arbitrary<String> cell = Arbitraries.strings().withChars("ab ,\"\n\r\t\u0000é😂=").ofMaxLength(12);
    Arbitrary<String> text = cell.list().ofMaxSize(30).map(l -> "id,text\n" + String.join("", l));
    return Arbitraries.oneOf(text.map(String::getBytes),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
        mutated("id,text,author\n1,\"ring her, now\",a\n2,fine,b\n"));
  }

  @Provide
  Arbitrary<byte[]> jsonLike() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("{}[]\":,tex1 \n\\").ofMaxLength(80).map(String::getBytes),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
        mutated("{\"id\":\"1\",\"text\":\"hi\"}\n{\"text\":\"x\",\"n\":[1,2]}\n"));
  }

  private static Arbitrary<byte[]> mutated(String seed) {
    byte[] base = seed.getBytes();
    return Arbitraries.integers().between(0, base.length - 1).list().ofMinSize(1).ofMaxSize(6)
        .flatMap(positions -> Arbitraries.bytes().array(byte[].class).ofSize(positions.size())
            .map(values -> {
              byte[] copy = base.clone();
              for (int i = 0; i < positions.size(); i++) {
                copy[positions.get(i)] = values[i];
              }
              return copy;
            }));
  }

  @Property
  void csvReaderYieldsPostsOrRejectionsAndOnlyFailsClearly(@ForAll("csvLike") byte[] bytes)
      throws IOException {
    check(bytes, ".csv", InputFormat.CSV);
  }

  @Property
  void jsonLinesReaderYieldsPostsOrRejectionsAndOnlyFailsClearly(@ForAll("jsonLike") byte[] bytes)
      throws IOException {
    check(bytes, ".jsonl", InputFormat.JSONL);
  }

  @Property
  void textReaderYieldsOneItemPerLine(@ForAll("csvLike") byte[] bytes) throws IOException {
    check(bytes, ".txt", InputFormat.TEXT);
  }

  private static void check(byte[] bytes, String suffix, InputFormat format) throws IOException {
    Path f = Files.createTempFile("fuzz", suffix);
    try {
      Files.write(f, bytes);
      try (PostSource s = PostSources.open(f.toString(), format, ReaderOptions.defaults())) {
        for (ReadItem item; (item = s.next()) != null; ) {
          if (item instanceof Post p) {
            assert !p.text().isBlank() : "a blank post must be rejected, not yielded";
          } else {
            assert item instanceof RejectedRow;
          }
        }
      } catch (InputException expected) {
        assert expected.getMessage().startsWith(f.toString()) : expected.getMessage();
      }
    } finally {
      Files.deleteIfExists(f);
    }
  }
}
