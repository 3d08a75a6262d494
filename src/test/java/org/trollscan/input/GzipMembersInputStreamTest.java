package org.trollscan.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GzipMembersInputStreamTest {

  static byte[] gzip(String text) {
    return gzip(text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return bytes.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static InputStream chunked(byte[]... chunks) {
    return PausingPipe.of(chunks);
  }

  private static List<String> texts(InputStream stdin) {
    List<String> out = new ArrayList<>();
    try (PostSource s = PostSources.open("-", InputFormat.CSV, ReaderOptions.defaults(), stdin)) {
      for (ReadItem i; (i = s.next()) != null; ) {
        out.add(((Post) i).text());
      }
    }
    return out;
  }

  @Test
  void membersSeparatedByAPauseInThePipeAreAllRead() {
    InputStream stdin = chunked(gzip("id,text\n1,first\n"), gzip("2,second\n"),
        gzip("3,third\n"));
    assertEquals(List.of("first", "second", "third"), texts(stdin));
  }

  @Test
  void membersWrittenToARealPipeWithADelayAreAllRead() throws Exception {
    PipedInputStream in = new PipedInputStream(1 << 16);
    PipedOutputStream out = new PipedOutputStream(in);
    Thread producer = new Thread(() -> {
      try {
        out.write(gzip("id,text\n1,before the pause\n"));
        out.flush();
        Thread.sleep(300);
        out.write(gzip("2,after the pause\n"));
        out.close();
      } catch (IOException | InterruptedException e) {
        throw new AssertionError(e);
      }
    });
    producer.start();
    assertEquals(List.of("before the pause", "after the pause"), texts(in));
    producer.join();
  }

  @Test
  void bytesAfterTheLastMemberAreAnInputErrorNamingTheInput() {
    InputStream stdin = chunked(gzip("id,text\n1,first\n"), "junk\n".getBytes());
    InputException e = assertThrows(InputException.class, () -> texts(stdin));
    assertTrue(e.getMessage().startsWith("-"), e.getMessage());
    assertTrue(e.getMessage().contains("not gzip after member 1"), e.getMessage());
  }

  @Test
  void aCorruptLaterMemberIsAnInputError() {
    byte[] second = gzip("2,second\n");
    second[second.length - 6] ^= 0x55; // a byte of the CRC-32 in the trailer
    InputException e = assertThrows(InputException.class,
        () -> texts(chunked(gzip("id,text\n1,first\n"), second)));
    assertTrue(e.getMessage().contains("member 2 fails its CRC-32 check"), e.getMessage());
  }

  @Test
  void aLaterMemberCutShortIsAnInputError() {
    byte[] second = gzip("2,second\n");
    InputException e = assertThrows(InputException.class, () -> texts(chunked(
        gzip("id,text\n1,first\n"), Arrays.copyOf(second, second.length - 5))));
    assertTrue(e.getMessage().contains("truncated gzip file: member 2"), e.getMessage());
  }

  @Test
  void emptyAndFiveByteInputsGetAMessageNotNull() throws IOException {
    IOException empty = assertThrows(IOException.class,
        () -> new GzipMembersInputStream(new ByteArrayInputStream(new byte[0])));
    assertEquals("empty gzip file (no bytes at all)", empty.getMessage());
    IOException hello = assertThrows(IOException.class,
        () -> new GzipMembersInputStream(new ByteArrayInputStream("hello".getBytes())));
    assertTrue(hello.getMessage().startsWith("not a gzip file"), hello.getMessage());
    byte[] fiveOfAGzip = Arrays.copyOf(gzip("id,text\n"), 5);
    IOException cut = assertThrows(IOException.class,
        () -> new GzipMembersInputStream(new ByteArrayInputStream(fiveOfAGzip)));
    assertEquals("truncated gzip file: the header of member 1 is cut short", cut.getMessage());
  }

  @Test
  void headerFieldsNameExtraCommentAndHeaderChecksumAreReadAndChecked() throws IOException {
    byte[] data = "id,text\n1,named member\n".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    header.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3});
    header.writeBytes(new byte[] {3, 0, 'a', 'b', 'c'}); // FEXTRA: 3 bytes
    header.writeBytes("posts.csv\0".getBytes(StandardCharsets.ISO_8859_1));
    header.writeBytes("a comment\0".getBytes(StandardCharsets.ISO_8859_1));
    CRC32 headerCrc = new CRC32();
    headerCrc.update(header.toByteArray());
    int hcrc = (int) headerCrc.getValue() & 0xffff;
    byte[] member = concat(header.toByteArray(), new byte[] {(byte) hcrc, (byte) (hcrc >> 8)},
        rawDeflate(data), trailer(data));
    try (InputStream in = new GzipMembersInputStream(new ByteArrayInputStream(member))) {
      assertArrayEquals(data, in.readAllBytes());
    }
    member[10 + 5 + 10 + 10] ^= 1; // the header checksum
    IOException e = assertThrows(IOException.class,
        () -> new GzipMembersInputStream(new ByteArrayInputStream(member)).readAllBytes());
    assertTrue(e.getMessage().contains("header of member 1 fails its checksum"), e.getMessage());
  }

  @Test
  void manyMembersOfRandomSizesInRandomChunksGiveBackEveryByte() throws IOException {
    Random random = new Random(25);
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    for (int m = 0; m < 40; m++) {
      byte[] part = new byte[random.nextInt(200_000)];
      for (int i = 0; i < part.length; i++) {
        part[i] = (byte) ('a' + random.nextInt(random.nextBoolean() ? 2 : 26));
      }
      plain.writeBytes(part);
      gz.writeBytes(gzip(part));
    }
    byte[] all = gz.toByteArray();
    List<byte[]> chunks = new ArrayList<>();
    for (int pos = 0; pos < all.length; ) {
      int n = Math.min(all.length - pos, 1 + random.nextInt(70_000));
      chunks.add(Arrays.copyOfRange(all, pos, pos + n));
      pos += n;
    }
    try (InputStream in = new GzipMembersInputStream(chunked(chunks.toArray(new byte[0][])))) {
      assertArrayEquals(plain.toByteArray(), in.readAllBytes());
      assertEquals(-1, in.read());
    }
  }

  @Test
  void anEmptyMemberIsAMemberLikeAnyOther() {
    assertEquals(List.of("x"), texts(chunked(gzip("id,text\n"), gzip(""), gzip("1,x\n"))));
  }

  @Test
  void stdinThatIsNotGzipIsReadAsText() {
    try (PostSource s = PostSources.open("-", InputFormat.CSV, ReaderOptions.defaults(),
        new ByteArrayInputStream("text\n\u001f plain\n".getBytes(StandardCharsets.UTF_8)))) {
      assertEquals("\u001f plain", ((Post) s.next()).text());
      assertNull(s.next());
    }
  }

  private static byte[] rawDeflate(byte[] data) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    deflater.setInput(data);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    while (!deflater.finished()) {
      out.write(buf, 0, deflater.deflate(buf));
    }
    deflater.end();
    return out.toByteArray();
  }

  private static byte[] trailer(byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(data);
    long c = crc.getValue();
    int n = data.length;
    return new byte[] {(byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24),
        (byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)};
  }
}
