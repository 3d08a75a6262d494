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
  void emptyTextIsRejectedNotDropped() throws IOException {
    List<ReadItem> items = readAll("e.csv", "id,text\n1,  \n2,ok\n");
    assertInstanceOf(RejectedRow.class, items.get(0));
    assertEquals("empty text", ((RejectedRow) items.get(0)).reason());
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
}
