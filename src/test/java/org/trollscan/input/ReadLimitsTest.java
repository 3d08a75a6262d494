package org.trollscan.input;

import org.trollscan.normalize.PostText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trollscan.model.Scorer;

/** Rows are cut while they are read: what is kept of an over-long text, what is rejected. */
class ReadLimitsTest {
  private static final int TEXT = ReadLimits.TEXT_CHARS;

  private static List<ReadItem> read(String content, InputFormat format) {
    List<ReadItem> out = new ArrayList<>();
    try (PostSource s = PostSources.open("-", format, ReaderOptions.defaults(),
        new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))) {
      for (ReadItem i; (i = s.next()) != null; ) {
        out.add(i);
      }
    }
    return out;
  }

  @Test
  void theTextKeptIsOneCharacterMoreThanTheScorerReads() {
    assertEquals(Scorer.MAX_CHARS + 1, ReadLimits.TEXT_CHARS);
  }

  @Test
  void anOverlongCsvTextIsCutAndTheNextRowReadWhole() {
    String longText = "ring social services on her ".repeat(5_000); // 140,000 characters
    List<ReadItem> items = read("id,text,author\n1,\"" + longText + "\",ann\n2,short,bob\n",
        InputFormat.CSV);
    Post first = (Post) items.get(0);
    assertEquals(longText.substring(0, TEXT), first.text());
    assertEquals("ann", first.fields().get("author"));
    assertEquals("1", first.id());
    Post second = (Post) items.get(1);
    assertEquals("short", second.text());
    assertEquals(3, second.line());
  }

  @Test
  void anOverlongUnquotedTextOnOneLineIsCutToo() {
    String longText = "x".repeat(3 * TEXT);
    List<ReadItem> items = read("text,id\n" + longText + ",7\n", InputFormat.CSV);
    assertEquals(TEXT, ((Post) items.get(0)).text().length());
    assertEquals("7", ((Post) items.get(0)).id());
  }

  @Test
  void otherCsvFieldsOverTheirBudgetRejectTheRowAndTheRestIsRead() {
    String big = "y".repeat(ReadLimits.OTHER_CHARS + 1);
    String exact = "z".repeat(ReadLimits.OTHER_CHARS - 1);
    List<ReadItem> items = read("id,text,author\n1,hi,\"" + big + "\"\n2,ok," + exact + "\n",
        InputFormat.CSV);
    RejectedRow r = assertInstanceOf(RejectedRow.class, items.get(0));
    assertEquals("the fields other than 'text' hold more than 16,384 characters together",
        r.reason());
    assertTrue(r.raw().length() <= ReadLimits.RAW_CHARS, "raw is bounded");
    assertEquals(exact, ((Post) items.get(1)).fields().get("author"));
  }

  @Test
  void aRowOfAHundredThousandFieldsIsRejectedAndTheNextRowIsRead() {
    List<ReadItem> items = read("id,text\n1,a" + ",".repeat(99_998) + "\n2,b\n", InputFormat.CSV);
    RejectedRow r = assertInstanceOf(RejectedRow.class, items.get(0));
    assertEquals("row has more than 256 fields, the header has 2", r.reason());
    assertEquals("b", ((Post) items.get(1)).text());
  }

  @Test
  void anOverlongHeaderStopsTheRunWithoutReadingItWhole() {
    InputException wide = assertThrows(InputException.class,
        () -> read("text" + ",c".repeat(ReadLimits.MAX_FIELDS) + "\n", InputFormat.CSV));
    assertEquals("-:1: the header row is too long: at most 256 columns and 65,536 characters"
        + " are read", wide.getMessage());
    InputException longName = assertThrows(InputException.class,
        () -> read("text," + "n".repeat(ReadLimits.HEADER_CHARS) + "\n", InputFormat.CSV));
    assertTrue(longName.getMessage().contains("header row is too long"), longName.getMessage());
  }

  @Test
  void anOverlongJsonTextIsCutAndEscapesCountAsOneCharacter() {
    String longText = "abc ".repeat(20_000);
    String escaped = "\\u00e9".repeat(15_000); // 90,000 characters of JSON, 15,000 of text
    List<ReadItem> items = read("{\"id\":\"1\",\"text\":\"" + longText + "\",\"n\":2}\n"
        + "{\"id\":\"2\",\"text\":\"" + escaped + "\"}\n", InputFormat.JSONL);
    Post first = (Post) items.get(0);
    assertEquals(longText.substring(0, TEXT), first.text());
    assertEquals("2", first.fields().get("n"));
    assertEquals("é".repeat(15_000), ((Post) items.get(1)).text());
  }

  @Test
  void aJsonTextCutInsideEscapesStaysValid() {
    String escaped = "\\\"\\n\\u00e9\\\\".repeat(10_000); // four escapes, 40,000 characters
    Post p = (Post) read("{\"text\":\"" + escaped + "\"}\n", InputFormat.JSONL).get(0);
    assertEquals("\"\né\\".repeat(10_000).substring(0, TEXT), p.text());
  }

  @Test
  void otherJsonFieldsOverTheirBudgetRejectTheRowNestedOnesToo() {
    String big = "y".repeat(ReadLimits.OTHER_CHARS);
    List<ReadItem> items = read("{\"text\":\"hi\",\"html\":\"" + big + "\"}\n"
        + "{\"text\":\"hi\",\"tags\":[\"" + "t".repeat(3 * TEXT) + "\"]}\n"
        + "{\"text\":\"fine\"}\n", InputFormat.JSONL);
    for (int i = 0; i < 2; i++) {
      RejectedRow r = assertInstanceOf(RejectedRow.class, items.get(i));
      assertEquals("the fields other than 'text' hold more than 16,384 characters together"
          + " (names included)", r.reason());
    }
    assertEquals("fine", ((Post) items.get(2)).text());
  }

  @Test
  void aJsonLineTooLongOnceItsStringsAreCutIsRejectedAndTheNextRead() {
    String numbers = "1,".repeat(ReadLimits.JSON_LINE_CHARS / 2);
    List<ReadItem> items = read("{\"text\":\"hi\",\"n\":[" + numbers + "1]}\n{\"text\":\"next\"}\n",
        InputFormat.JSONL);
    RejectedRow r = assertInstanceOf(RejectedRow.class, items.get(0));
    assertTrue(r.reason().startsWith("line too long"), r.reason());
    assertEquals(ReadLimits.RAW_CHARS, r.raw().length());
    assertEquals("next", ((Post) items.get(1)).text());
    assertEquals(2, ((Post) items.get(1)).line());
  }

  @Test
  void tooManyJsonFieldsRejectTheRow() {
    StringBuilder line = new StringBuilder("{\"text\":\"hi\"");
    for (int i = 0; i < ReadLimits.MAX_FIELDS; i++) {
      line.append(",\"f").append(i).append("\":1");
    }
    RejectedRow r = assertInstanceOf(RejectedRow.class,
        read(line + "}\n", InputFormat.JSONL).get(0));
    assertEquals("more than 256 fields", r.reason());
  }

  @Test
  void anOverlongTextLineIsCutAndTheNextLineRead() {
    List<ReadItem> items = read("w".repeat(5 * TEXT) + "\r\nnext\n", InputFormat.TEXT);
    assertEquals(TEXT, ((Post) items.get(0)).text().length());
    assertEquals("next", ((Post) items.get(1)).text());
    assertEquals("2", ((Post) items.get(1)).id());
  }

  @Test
  void aTextWhoseKeptPartIsBlankIsAnEmptyPost() {
    List<ReadItem> items = read(" ".repeat(TEXT + 5) + "late words\n", InputFormat.TEXT);
    assertTrue(PostText.isEmpty(((Post) items.get(0)).text()));
  }

  @Test
  void aSourceSaysNothingMoreOnceItIsDone() {
    try (PostSource s = PostSources.open("-", InputFormat.CSV, ReaderOptions.defaults(),
        new ByteArrayInputStream("text\nx".getBytes(StandardCharsets.UTF_8)))) {
      assertEquals("x", ((Post) s.next()).text());
      assertNull(s.next());
      assertNull(s.next());
    }
  }
}
