package org.trollscan.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostSourcesTest {
  @TempDir Path dir;

  private List<ReadItem> readAll(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return readAll(f.toString(), (InputFormat) null);
  }

  private static List<ReadItem> readAll(String file, InputFormat format) {
    List<ReadItem> out = new ArrayList<>();
    try (PostSource s = PostSources.open(file, format, ReaderOptions.defaults())) {
      for (ReadItem i; (i = s.next()) != null; ) {
        out.add(i);
      }
    }
    return out;
  }

  @Test
  void csvPostsCarryIdTextLineAndAllFieldsInOrder() throws IOException {
    List<ReadItem> items = readAll("a.csv", "id,text,author\nx1,hello there,ann\nx2,\"multi\nline\",bob\nx3,bye,cy\n");
    assertEquals(3, items.size());
    Post second = (Post) items.get(1);
    assertEquals("x2", second.id());
    assertEquals("multi\nline", second.text());
    assertEquals(3, second.line());
    assertEquals(List.of("id", "text", "author"), List.copyOf(second.fields().keySet()));
    assertEquals(5, ((Post) items.get(2)).line());
  }

  @Test
  void withoutAnIdColumnRowsAreNumberedFromOne() throws IOException {
    List<ReadItem> items = readAll("n.csv", "text\nfirst\nsecond\n");
    assertEquals("1", ((Post) items.get(0)).id());
    assertEquals("2", ((Post) items.get(1)).id());
  }

  @Test
  void byteOrderMarkCrlfAndBareCrAreHandled() throws IOException {
    assertEquals("a", ((Post) readAll("bom.csv", "\uFEFFid,text\r\n1,a\r\n").get(0)).text());
    List<ReadItem> cr = readAll("cr.csv", "id,text\r1,a\r2,b\r");
    assertEquals(2, cr.size());
    assertEquals("b", ((Post) cr.get(1)).text());
  }

  @Test
  void aRaggedRowIsRejectedWithItsLineAndTheRestStillRead() throws IOException {
    List<ReadItem> items = readAll("r.csv", "id,text\n1,fine\n2,too,many\n3,also fine\n");
    assertEquals(3, items.size());
    RejectedRow r = assertInstanceOf(RejectedRow.class, items.get(1));
    assertEquals(3, r.line());
    assertTrue(r.reason().contains("3 fields"), r.reason());
    assertEquals("also fine", ((Post) items.get(2)).text());
  }

  @Test
  void aRowWithEmptyTextIsAPostNotARejectedRow() throws IOException {
    List<ReadItem> items = readAll("e.csv", "id,text\n1,  \n2,ok\n3,\n");
    assertEquals(List.of("1", "2", "3"), items.stream().map(i -> ((Post) i).id()).toList());
    assertEquals("  ", ((Post) items.get(0)).text());
    assertEquals("", ((Post) items.get(2)).text());
  }

  @Test
  void aJsonLineWithEmptyOrNullTextIsAPostAndOneWithoutTheFieldIsRejected() {
    List<ReadItem> items = readStdin("{\"id\":1,\"text\":\"\"}\n{\"id\":2,\"text\":null}\n"
        + "{\"id\":3,\"text\":\" \\u200b \"}\n{\"id\":4}\n", InputFormat.JSONL);
    assertEquals("", ((Post) items.get(0)).text());
    assertEquals("", ((Post) items.get(1)).text());
    assertEquals(" \u200b ", ((Post) items.get(2)).text());
    assertEquals("no field 'text'", ((RejectedRow) items.get(3)).reason());
  }

  @Test
  void aTextLineOfInvisibleCharactersIsAPostAndABlankLineIsNot() {
    List<ReadItem> items = readStdin("a\n \t \n\u200b\u2060\nb\n", InputFormat.TEXT);
    assertEquals(List.of("a", "\u200b\u2060", "b"),
        items.stream().map(i -> ((Post) i).text()).toList());
  }

  @Test
  void aMissingTextColumnNamesTheColumnsThatExist() throws IOException {
    Path f = dir.resolve("m.csv");
    Files.writeString(f, "id,body\n1,x\n");
    InputException e = assertThrows(InputException.class, () -> readAll(f.toString(), (InputFormat) null));
    assertTrue(e.getMessage().contains("no column 'text'"), e.getMessage());
    assertTrue(e.getMessage().contains("id, body"), e.getMessage());
  }

  @Test
  void duplicateHeaderNamesAreAnError() throws IOException {
    Path f = dir.resolve("d.csv");
    Files.writeString(f, "id,text,text\n1,a,b\n");
    InputException e = assertThrows(InputException.class, () -> readAll(f.toString(), (InputFormat) null));
    assertTrue(e.getMessage().startsWith(f + ":1:"), e.getMessage());
  }

  @Test
  void anUnclosedQuoteStopsWithTheFileAndLine() throws IOException {
    Path f = dir.resolve("q.csv");
    Files.writeString(f, "id,text\n1,ok\n2,\"never closed\n3,x\n");
    InputException e = assertThrows(InputException.class, () -> readAll(f.toString(), (InputFormat) null));
    assertTrue(e.getMessage().startsWith(f + ":3:"), e.getMessage());
  }

  @Test
  void jsonLinesRejectNonObjectsAndMissingFieldsButReadTheRest() throws IOException {
    List<ReadItem> items = readAll("j.jsonl",
        "{\"id\":\"a\",\"text\":\"hi\",\"n\":3}\n[1,2]\n{\"id\":\"b\"}\nnot json\n\n{\"text\":\"last\"}\n");
    assertEquals(5, items.size());
    Post first = (Post) items.get(0);
    assertEquals("a", first.id());
    assertEquals("3", first.fields().get("n"));
    assertEquals("not a JSON object", ((RejectedRow) items.get(1)).reason());
    assertTrue(((RejectedRow) items.get(2)).reason().contains("no field 'text'"));
    assertTrue(((RejectedRow) items.get(3)).reason().startsWith("not valid JSON"));
    assertEquals("6", ((Post) items.get(4)).id());
  }

  @Test
  void plainTextIsOnePostPerLine() throws IOException {
    List<ReadItem> items = readAll("p.txt", "one\ntwo\n");
    assertEquals(2, items.size());
    assertEquals("2", ((Post) items.get(1)).id());
  }

  @Test
  void gzipIsUnpackedAndTruncatedGzipIsAnInputError() throws IOException {
    Path gz = dir.resolve("g.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("id,text\n1,zipped\n".repeat(1).getBytes(StandardCharsets.UTF_8));
    }
    assertEquals("zipped", ((Post) readAll(gz.toString(), (InputFormat) null).get(0)).text());
    byte[] all = Files.readAllBytes(gz);
    Path cut = dir.resolve("cut.csv.gz");
    Files.write(cut, java.util.Arrays.copyOf(all, all.length - 12));
    assertThrows(InputException.class, () -> readAll(cut.toString(), (InputFormat) null));
  }

  @Test
  void invalidUtf8IsReplacedAndTheRowKept() throws IOException {
    Path f = dir.resolve("u.csv");
    Files.write(f, new byte[] {'i', 'd', ',', 't', 'e', 'x', 't', '\n', '1', ',', 'a', (byte) 0xff, 'b', '\n'});
    assertEquals("a\uFFFDb", ((Post) readAll(f.toString(), (InputFormat) null).get(0)).text());
  }

  @Test
  void aMissingFileIsAnInputError() {
    InputException e = assertThrows(InputException.class,
        () -> readAll(dir.resolve("none.csv").toString(), (InputFormat) null));
    assertTrue(e.getMessage().endsWith("no such file"), e.getMessage());
  }

  @Test
  void stdinIsReadAsCsvByDefault() {
    try (PostSource s = PostSources.open("-", null, ReaderOptions.defaults(),
        new ByteArrayInputStream("text\nfrom stdin\n".getBytes(StandardCharsets.UTF_8)))) {
      assertEquals("from stdin", ((Post) s.next()).text());
      assertNull(s.next());
    }
  }

  private static List<ReadItem> readStdin(byte[] bytes, InputFormat format, ReaderOptions options) {
    List<ReadItem> out = new ArrayList<>();
    try (PostSource s = PostSources.open("-", format, options, new ByteArrayInputStream(bytes))) {
      for (ReadItem i; (i = s.next()) != null; ) {
        out.add(i);
      }
    }
    return out;
  }

  private static List<ReadItem> readStdin(String content, InputFormat format) {
    return readStdin(content.getBytes(StandardCharsets.UTF_8), format, ReaderOptions.defaults());
  }

  @Test
  void utf16IsRefusedWithOneLineSayingHowToConvertAndNoNulBytes() throws IOException {
    String csv = "id,text\n1,hello\n";
    for (var charset : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE,
        StandardCharsets.UTF_16BE)) {
      Path f = dir.resolve("wide.csv");
      byte[] bytes = csv.getBytes(charset);
      if (charset == StandardCharsets.UTF_16LE) {
        bytes = java.util.Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xFE}, 2 + bytes.length);
        System.arraycopy(csv.getBytes(charset), 0, bytes, 2, bytes.length - 2);
      }
      for (byte[] variant : List.of(bytes, csv.getBytes(charset))) {
        Files.write(f, variant);
        InputException e = assertThrows(InputException.class,
            () -> readAll(f.toString(), (InputFormat) null));
        String m = e.getMessage();
        assertTrue(m.startsWith(f + ": the input is UTF-16 text"), m);
        assertTrue(m.contains("iconv -f UTF-16"), m);
        assertTrue(m.contains(" -t UTF-8 " + f + " > "), m);
        assertEquals(-1, m.indexOf('\0'), m);
        assertEquals(-1, m.indexOf('\n'), m);
      }
    }
  }

  @Test
  void utf16InsideGzipOnStdinIsRefusedToo() {
    byte[] gz = GzipMembersInputStreamTest.gzip(
        new String("text\nhello\n").getBytes(StandardCharsets.UTF_16));
    InputException e = assertThrows(InputException.class,
        () -> readStdin(gz, null, ReaderOptions.defaults()));
    assertTrue(e.getMessage().startsWith("stdin: the input is UTF-16 text (byte-order mark FE FF)"),
        e.getMessage());
  }

  @Test
  void aNulByteInUtf8TextIsNotMistakenForUtf16() {
    assertEquals("nul\0inside", ((Post) readStdin("id,text\n1,nul\0inside\n", null).get(0)).text());
  }

  @Test
  void anEmptyOrFiveByteGzFileSaysWhatIsWrong() throws IOException {
    Path empty = Files.write(dir.resolve("empty.csv.gz"), new byte[0]);
    InputException e = assertThrows(InputException.class,
        () -> readAll(empty.toString(), (InputFormat) null));
    assertEquals(empty + ": cannot read: empty gzip file (no bytes at all)", e.getMessage());
    Path five = Files.write(dir.resolve("five.csv.gz"), "hello".getBytes());
    e = assertThrows(InputException.class, () -> readAll(five.toString(), (InputFormat) null));
    assertEquals(five + ": cannot read: not a gzip file (it does not start with the gzip"
        + " signature 1f 8b)", e.getMessage());
  }

  @Test
  void aJsonLineWithContentAfterTheObjectIsRejectedWithTheReason() {
    List<ReadItem> items = readStdin(
        "{\"id\":\"a\",\"text\":\"one\"}{\"id\":\"b\",\"text\":\"two\"}\n"
        + "{\"id\":\"c\",\"text\":\"three\"} junk\n"
        + "{\"id\":\"d\",\"text\":\"four\"} 5\n"
        + "{\"id\":\"e\",\"text\":\"five\"}  \t\r\n", InputFormat.JSONL);
    assertEquals(4, items.size());
    for (int i = 0; i < 3; i++) {
      RejectedRow r = assertInstanceOf(RejectedRow.class, items.get(i), items.get(i).toString());
      assertEquals(i + 1, r.line());
      assertTrue(r.reason().startsWith("content after the JSON object"), r.reason());
    }
    assertEquals("five", ((Post) items.get(3)).text());
  }

  @Test
  void blankLinesAreSkippedAndCountedTheSameWayInEveryFormat() {
    String blanks = "\n  \t \r\n";
    Map<InputFormat, String> inputs = Map.of(
        InputFormat.CSV, "id,text\n" + blanks + "1,one\n" + blanks + "2,two\n" + blanks,
        InputFormat.TSV, "id\ttext\n" + blanks + "1\tone\n" + blanks + "2\ttwo\n" + blanks,
        InputFormat.JSONL, blanks + "{\"id\":\"1\",\"text\":\"one\"}\n" + blanks
            + "{\"id\":\"2\",\"text\":\"two\"}\n" + blanks,
        InputFormat.TEXT, blanks + "one\n" + blanks + "two\n" + blanks);
    inputs.forEach((format, content) -> {
      try (PostSource s = PostSources.open("-", format, ReaderOptions.defaults(),
          new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))) {
        Post one = (Post) s.next();
        Post two = (Post) s.next();
        assertNull(s.next(), format.toString());
        assertEquals(List.of("one", "two"), List.of(one.text(), two.text()), format.toString());
        assertEquals(format == InputFormat.JSONL || format == InputFormat.TEXT ? 3 : 4,
            one.line(), format + ": line numbers count blank lines");
        assertEquals(6, s.blankLines(), format.toString());
      }
    });
  }

  @Test
  void aLineOfCommasOrTabsIsARowNotABlankLine() {
    List<ReadItem> csv = readStdin("id,text\n,\n1,x\n", InputFormat.CSV);
    assertEquals("", ((Post) csv.get(0)).text());
    assertEquals(2, csv.size());
  }

  @Test
  void blankLinesInsideAQuotedFieldAreText() {
    Post p = (Post) readStdin("id,text\n1,\"a\n\n  \nb\"\n", InputFormat.CSV).get(0);
    assertEquals("a\n\n  \nb", p.text());
  }

  @Test
  void anIdColumnTheUserNamedMustExistButTheDefaultOneNeedNot() {
    byte[] csv = "post_id,text\n7,x\n".getBytes(StandardCharsets.UTF_8);
    InputException e = assertThrows(InputException.class,
        () -> readStdin(csv, InputFormat.CSV, new ReaderOptions("text", "pid", true)));
    assertTrue(e.getMessage().startsWith("-:1: no id column 'pid'"), e.getMessage());
    assertEquals("1",
        ((Post) readStdin(csv, InputFormat.CSV, ReaderOptions.defaults()).get(0)).id());
    List<ReadItem> jsonl = readStdin("{\"text\":\"x\",\"pid\":\"p1\"}\n{\"text\":\"y\"}\n"
        .getBytes(StandardCharsets.UTF_8), InputFormat.JSONL,
        new ReaderOptions("text", "pid", true));
    assertEquals("p1", ((Post) jsonl.get(0)).id());
    assertEquals("no id field 'pid'", ((RejectedRow) jsonl.get(1)).reason());
  }

  @Test
  void keptColumnsAreCheckedAtTheHeaderBeforeAnyRow() {
    ReaderOptions keep = new ReaderOptions("text", "id", false, List.of("author", "url"));
    InputException e = assertThrows(InputException.class, () -> PostSources.open("-",
        InputFormat.CSV, keep, new ByteArrayInputStream("id,text,author\n".getBytes())));
    assertEquals("-:1: no column [url] as the options (--keep, --thread-column, ...) name; the columns are: id, text, author",
        e.getMessage());
    e = assertThrows(InputException.class, () -> readStdin(
        "not json\n{\"text\":\"x\",\"author\":\"a\"}\n".getBytes(), InputFormat.JSONL, keep));
    assertTrue(e.getMessage().startsWith("-:2: --keep names unknown field(s) [url]"),
        e.getMessage());
    e = assertThrows(InputException.class, () -> readStdin("a post\n".getBytes(),
        InputFormat.TEXT, keep));
    assertEquals("-: --keep names unknown column(s) [author, url]; plain text has one column:"
        + " text", e.getMessage());
    assertEquals("a post", ((Post) readStdin("a post\n".getBytes(), InputFormat.TEXT,
        new ReaderOptions("text", "id", false, List.of("text"))).get(0)).fields().get("text"));
  }

  @Test
  void csvFieldsKeepTheirOrderAndLookUpByName() {
    Post p = (Post) readStdin("b,text,a\n1,x,2\n", InputFormat.CSV).get(0);
    assertEquals(Map.of("b", "1", "text", "x", "a", "2"), p.fields());
    assertEquals(List.of("b", "text", "a"), List.copyOf(p.fields().keySet()));
    assertEquals("2", p.fields().get("a"));
    assertEquals("none", p.fields().getOrDefault("c", "none"));
    assertThrows(UnsupportedOperationException.class, () -> p.fields().put("c", "3"));
  }

  @Test
  void aQuoteFollowedByTextIsMalformedCsvNamingTheLine() {
    InputException e = assertThrows(InputException.class,
        () -> readStdin("id,text\n1,ok\n2,\"said\" he\n", InputFormat.CSV));
    assertTrue(e.getMessage().startsWith("-:3: malformed CSV: Invalid character between "
        + "encapsulated token and delimiter"), e.getMessage());
  }
}
