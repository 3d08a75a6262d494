package org.trollscan.robust;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.trollscan.input.InputException;
import org.trollscan.input.InputFormat;
import org.trollscan.input.Post;
import org.trollscan.input.PostSource;
import org.trollscan.input.PostSources;
import org.trollscan.input.ReadItem;
import org.trollscan.input.ReadLimits;
import org.trollscan.input.ReaderOptions;
import org.trollscan.input.RejectedRow;

/**
 * Random and mutated bytes through every reader: the only exception a reader may throw is an
 * {@link InputException} (a clear message for the user), and every item it yields is a post or
 * a rejected row. The number of tries is kept small for CI; raise it with
 * -Djqwik.tries.default=100000 (see README, "Fuzzing").
 */
class ReaderPropertiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

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

  // ---- Issue 25: no silent loss, bounded rows. ----

  /** Rows of a CSV body: cells from a small alphabet with quotes, delimiters and line breaks. */
  @Provide
  Arbitrary<String> csvBody() {
    Arbitrary<String> plain = Arbitraries.strings().withChars("ab éE=\t").ofMaxLength(6)
        .map(c -> c.replace("E", "😂"));
    Arbitrary<String> quoted = Arbitraries.strings().withChars("ab ,\"\n\r\t").ofMaxLength(8)
        .map(c -> "\"" + c.replace("\"", "\"\"") + "\"");
    Arbitrary<String> junk = Arbitraries.strings().withChars("ab ,\"\n\r\t").ofMaxLength(4);
    Arbitrary<String> cell = Arbitraries.frequencyOf(Tuple.of(5, plain), Tuple.of(3, quoted),
        Tuple.of(1, junk));
    Arbitrary<String> row = cell.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(",", l));
    Arbitrary<String> end = Arbitraries.of("\n", "\r\n", "\r", "\n\n", "\n  \n", "\r\n\t\r\n");
    return Combinators.combine(row, end).as((r, e) -> r + e).list().ofMaxSize(12)
        .map(l -> String.join("", l));
  }

  /**
   * The bounded CSV reader (Commons CSV behind the field limiter) reads what Commons CSV's RFC
   * 4180 parser alone reads: the same rows and fields, the same line numbers, an error where it
   * has one; blank lines (one blank field, quoted or not), which it made rows, are skipped and
   * counted.
   */
  @Property
  void csvReaderReadsWhatCommonsCsvReads(@ForAll("csvBody") String body) throws IOException {
    String input = "id,text,x\n" + body;
    List<String> expected = new ArrayList<>();
    long expectedBlank = 0;
    boolean expectedError = false;
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(input))
        .setFormat(CSVFormat.RFC4180).get()) {
      Iterator<CSVRecord> records = parser.iterator();
      records.next(); // the header
      long line = parser.getCurrentLineNumber() + 1;
      try {
        while (records.hasNext()) {
          CSVRecord r = records.next();
          if (r.size() == 0 || r.size() == 1 && r.get(0).isBlank()) { // quoted or not
            expectedBlank++;
          } else if (r.size() != 3) {
            expected.add(line + " rejected " + r.size());
          } else {
            expected.add(line + " " + r.get(0) + "|" + r.get(1) + "|" + r.get(2));
          }
          line = parser.getCurrentLineNumber() + 1;
        }
      } catch (UncheckedIOException e) {
        expectedError = true;
      }
    }
    List<String> actual = new ArrayList<>();
    boolean actualError = false;
    long blank;
    try (PostSource s = PostSources.open("-", InputFormat.CSV, ReaderOptions.defaults(),
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)))) {
      try {
        for (ReadItem item; (item = s.next()) != null; ) {
          if (item instanceof Post p) {
            actual.add(p.line() + " " + p.id() + "|" + p.text() + "|" + p.fields().get("x"));
          } else {
            RejectedRow r = (RejectedRow) item;
            actual.add(r.line() + " rejected "
                + r.reason().replaceAll("row has (\\d+) fields.*", "$1"));
          }
        }
      } catch (InputException e) {
        actualError = true;
      }
      blank = s.blankLines();
    }
    assert expected.equals(actual)
        : expected + " != " + actual + " for " + body.replace("\n", "\\n").replace("\r", "\\r");
    assert expectedError == actualError : "error: " + expectedError + " != " + actualError;
    if (!expectedError) {
      assert expectedBlank == blank : "blank lines: " + expectedBlank + " != " + blank;
    }
  }

  /** Posts, split into gzip members at random places, served in random chunks with pauses. */
  @Provide
  Arbitrary<Tuple.Tuple3<List<String>, List<Integer>, List<Integer>>> gzipMembers() {
    Arbitrary<List<String>> posts = Arbitraries.strings().withChars("abc éE,\"")
        .ofMinLength(1).ofMaxLength(40).filter(t -> !t.isBlank()).map(t -> t.replace("E", "😂"))
        .list().ofMinSize(1)
        .ofMaxSize(30);
    Arbitrary<List<Integer>> cuts = Arbitraries.integers().between(0, 2000).list().ofMaxSize(6);
    Arbitrary<List<Integer>> chunks = Arbitraries.integers().between(1, 300).list()
        .ofMinSize(1).ofMaxSize(8);
    return Combinators.combine(posts, cuts, chunks).as(Tuple::of);
  }

  @Property
  void everyGzipMemberIsReadWhateverTheChunkingAndPauses(
      @ForAll("gzipMembers") Tuple.Tuple3<List<String>, List<Integer>, List<Integer>> t)
      throws IOException {
    List<String> posts = t.get1();
    byte[] gz = gzipMembers(String.join("\n", posts) + "\n", t.get2());
    List<String> read = new ArrayList<>();
    try (PostSource s = PostSources.open("-", InputFormat.TEXT, ReaderOptions.defaults(),
        pausing(gz, t.get3()))) {
      for (ReadItem item; (item = s.next()) != null; ) {
        read.add(((Post) item).text());
      }
    }
    assert read.equals(posts) : read + " != " + posts;
  }

  @Property
  void bytesAfterTheLastGzipMemberAreAnInputError(
      @ForAll("gzipMembers") Tuple.Tuple3<List<String>, List<Integer>, List<Integer>> t,
      @ForAll @Size(min = 1, max = 20) byte[] garbage) throws IOException {
    Assume.that(garbage[0] != 0x1f);
    byte[] gz = gzipMembers(String.join("\n", t.get1()) + "\n", t.get2());
    byte[] all = Arrays.copyOf(gz, gz.length + garbage.length);
    System.arraycopy(garbage, 0, all, gz.length, garbage.length);
    try (PostSource s = PostSources.open("-", InputFormat.TEXT, ReaderOptions.defaults(),
        pausing(all, t.get3()))) {
      while (s.next() != null) {
        // read on to the end
      }
      assert false : "trailing garbage read as the end of the input";
    } catch (InputException expected) {
      assert expected.getMessage().startsWith("-") : expected.getMessage();
      assert expected.getMessage().contains("not gzip after member") : expected.getMessage();
    }
  }

  /** Gzips the text as several members, cut at the given offsets. */
  private static byte[] gzipMembers(String text, List<Integer> cuts) throws IOException {
    byte[] plain = text.getBytes(StandardCharsets.UTF_8);
    int[] at = cuts.stream().mapToInt(c -> Math.min(c, plain.length)).sorted().toArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int from = 0;
    for (int i = 0; i <= at.length; i++) {
      int to = i < at.length ? at[i] : plain.length;
      try (OutputStream gz = new GZIPOutputStream(new NonClosing(out))) {
        gz.write(plain, from, to - from);
      }
      from = to;
    }
    return out.toByteArray();
  }

  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  /** Serves bytes in chunks of the given sizes (cycled), with nothing available in between. */
  private static InputStream pausing(byte[] bytes, List<Integer> sizes) {
    return new InputStream() {
      private int pos;
      private int turn;

      @Override
      public int read() {
        return pos < bytes.length ? bytes[pos++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos == bytes.length) {
          return -1;
        }
        int n = Math.min(Math.min(len, sizes.get(turn++ % sizes.size())), bytes.length - pos);
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
      }

      @Override
      public int available() {
        return 0;
      }
    };
  }

  @Provide
  Arbitrary<String> trailingJson() {
    return Arbitraries.oneOf(
        Arbitraries.of("{}", "{\"text\":\"x\"}", "[1]", "1", "\"s\"", "null", "true", "x", "}",
            "]", ",", "junk", "//", "#"),
        Arbitraries.strings().withChars("{}[]\":,ab1 \\").ofMinLength(1).ofMaxLength(10)
            .filter(s -> !s.isBlank()));
  }

  @Property
  void contentAfterAJsonObjectRejectsTheRowWhitespaceDoesNot(
      @ForAll @StringLength(min = 1, max = 20) @Chars({'a', 'b', ' ', 'é', '"', '\\'}) String text,
      @ForAll("trailingJson") String junk,
      @ForAll @StringLength(max = 3) @Chars({' ', '\t'}) String space) throws IOException {
    Assume.that(!text.isBlank());
    String object = JSON.writeValueAsString(Map.of("id", "1", "text", text));
    List<ReadItem> items = readJsonl(object + space + junk + "\n" + object + space + "\n");
    assert items.size() == 2 : items;
    assert items.get(0) instanceof RejectedRow r
        && r.reason().startsWith("content after the JSON object") : items.get(0);
    assert items.get(1) instanceof Post p && p.text().equals(text) : items.get(1);
  }

  private static List<ReadItem> readJsonl(String content) {
    List<ReadItem> out = new ArrayList<>();
    try (PostSource s = PostSources.open("-", InputFormat.JSONL, ReaderOptions.defaults(),
        new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))) {
      for (ReadItem i; (i = s.next()) != null; ) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * Blank lines put anywhere between rows change nothing but the blank-line count, in every
   * format: the same posts, the same rejections.
   */
  @Property
  void blankLinesChangeNothingButTheirCount(
      @ForAll @Size(min = 1, max = 8) List<@StringLength(min = 1, max = 12)
          @Chars({'a', 'b', ' ', 'é', ','}) String> texts,
      @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 9) Integer> places,
      @ForAll("blankLine") String blankLine,
      @ForAll InputFormat format) throws IOException {
    // In plain text a blank post is itself a blank line.
    Assume.that(format != InputFormat.TEXT || texts.stream().noneMatch(String::isBlank));
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i);
      rows.add(switch (format) {
        case CSV -> i + ",\"" + t + "\"";
        case TSV -> i + "\t" + t.replace(",", "\t");
        case JSONL -> JSON.writeValueAsString(Map.of("id", String.valueOf(i), "text", t));
        case TEXT -> t;
      });
    }
    String header = format == InputFormat.CSV ? "id,text\n"
        : format == InputFormat.TSV ? "id\ttext\n" : "";
    List<String> withBlanks = new ArrayList<>(rows);
    for (int p : places) {
      withBlanks.add(Math.min(p, withBlanks.size()), blankLine);
    }
    List<String> plain = summaries(format, header + String.join("\n", rows) + "\n", null);
    long[] blank = new long[1];
    List<String> blanked = summaries(format, header + String.join("\n", withBlanks) + "\n", blank);
    assert plain.equals(blanked) : plain + " != " + blanked;
    assert blank[0] == places.size() : blank[0] + " != " + places.size();
  }

  @Provide
  Arbitrary<String> blankLine() {
    return Arbitraries.strings().withChars(" \t").ofMaxLength(3)
        .map(s -> s + (s.length() % 2 == 0 ? "" : "\r"));
  }

  /** What a reader yields, without line numbers (which blank lines move). */
  private static List<String> summaries(InputFormat format, String content, long[] blank) {
    List<String> out = new ArrayList<>();
    try (PostSource s = PostSources.open("-", format, ReaderOptions.defaults(),
        new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))) {
      for (ReadItem i; (i = s.next()) != null; ) {
        out.add(i instanceof Post p ? (format == InputFormat.TEXT ? "" : p.id()) + "|" + p.text()
            : "rejected " + ((RejectedRow) i).reason());
      }
      if (blank != null) {
        blank[0] = s.blankLines();
      }
    }
    return out;
  }

  @Provide
  Arbitrary<String> pieces() {
    return Arbitraries.of("a", " ", "é", "\"", "\n", "\\", "😂", "\u2028");
  }

  /**
   * Huge fields are cut while read, never held whole: the text is kept up to
   * {@link ReadLimits#TEXT_CHARS}; other fields over {@link ReadLimits#OTHER_CHARS} reject the
   * row; the next row is read whole either way.
   */
  @Property(tries = 60)
  void hugeFieldsAreCutOrRejectedAndTheNextRowIsReadWhole(
      @ForAll @IntRange(min = 1, max = 3 * ReadLimits.TEXT_CHARS) int textLength,
      @ForAll @IntRange(min = 0, max = 2 * ReadLimits.OTHER_CHARS) int otherLength,
      @ForAll("pieces") String c,
      @ForAll boolean jsonl) throws IOException {
    String text = "x" + c.repeat(textLength - 1);
    String other = "o".repeat(otherLength);
    String content = jsonl
        ? JSON.writeValueAsString(Map.of("id", "1", "text", text, "other", other)) + "\n"
            + "{\"id\":\"2\",\"text\":\"next\"}\n"
        : "id,text,other\n1,\"" + text.replace("\"", "\"\"") + "\"," + other + "\n2,next,\n";
    List<ReadItem> items = new ArrayList<>();
    try (PostSource s = PostSources.open("-", jsonl ? InputFormat.JSONL : InputFormat.CSV,
        ReaderOptions.defaults(),
        new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))) {
      for (ReadItem i; (i = s.next()) != null; ) {
        items.add(i);
      }
    }
    assert items.size() == 2 : items.size();
    int others = otherLength + 1 + (jsonl ? "id".length() + "other".length() + "text".length() : 0);
    if (others > ReadLimits.OTHER_CHARS) {
      assert items.get(0) instanceof RejectedRow r && r.reason().startsWith("the fields other")
          : items.get(0);
    } else {
      Post p = (Post) items.get(0);
      assert p.text().equals(text.substring(0, Math.min(text.length(), ReadLimits.TEXT_CHARS)))
          : "text cut wrongly, length " + p.text().length();
      assert p.fields().get("other").equals(other);
    }
    assert ((Post) items.get(1)).text().equals("next");
  }

  private static void check(byte[] bytes, String suffix, InputFormat format) throws IOException {
    Path f = Files.createTempFile("fuzz", suffix);
    try {
      Files.write(f, bytes);
      try (PostSource s = PostSources.open(f.toString(), format, ReaderOptions.defaults())) {
        for (ReadItem item; (item = s.next()) != null; ) {
          if (item instanceof Post p) {
            // A blank text is a post too (an empty post, scored by rule): never a null.
            assert p.text() != null && p.id() != null : "a post without text or id";
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
