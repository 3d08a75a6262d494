package org.trollscan.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Gunzips every member of a gzip stream (RFC 1952), as {@code cat a.gz b.gz} makes, whatever the
 * producer's timing. The JDK's {@code GZIPInputStream} looks for a next member only when bytes
 * are already available, so a pipe that pauses between members ends the input early and
 * silently; this stream reads on until the end of its input. Anything that is not a complete,
 * checksum-correct member (a corrupt or cut member, bytes after the last one) is an
 * {@link IOException} with a message for the user, never a quiet end.
 */
final class GzipMembersInputStream extends InputStream {
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  private static final int FRESERVED = 0xE0;

  private final InputStream in;
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int len;
  /** Compressed bytes consumed before buf[0], for messages. */
  private long consumedBefore;
  private int member;
  private long memberBytes;
  private boolean done;
  private boolean closed;

  /**
   * Reads the first member's header at once, so that an empty or non-gzip input is refused
   * when it is opened.
   */
  GzipMembersInputStream(InputStream in) throws IOException {
    this.in = in;
    int first = readByte();
    if (first < 0) {
      throw new GzipFormatException("empty gzip file (no bytes at all)");
    }
    int second = readByte();
    if (first != 0x1f || second != 0x8b) {
      throw new GzipFormatException(
          "not a gzip file (it does not start with the gzip signature 1f 8b)");
    }
    readHeaderAfterSignature();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int n) throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    if (n == 0) {
      return 0;
    }
    while (!done) {
      int got;
      try {
        got = inflater.inflate(b, off, n);
      } catch (DataFormatException e) {
        throw new GzipFormatException("corrupt gzip data in member " + member + " ("
            + e.getMessage() + ")");
      }
      if (got > 0) {
        crc.update(b, off, got);
        memberBytes += got;
        return got;
      }
      if (inflater.finished()) {
        pos = len - inflater.getRemaining();
        endMember();
      } else if (inflater.needsDictionary()) {
        throw new GzipFormatException("corrupt gzip data in member " + member
            + " (it asks for a preset dictionary)");
      } else if (inflater.needsInput()) {
        if (pos == len && !fill()) {
          throw new GzipFormatException("truncated gzip file: member " + member
              + " ends in the middle of its compressed data");
        }
        inflater.setInput(buf, pos, len - pos);
        pos = len;
      }
    }
    return -1;
  }

  /** Checks the trailer of the member just inflated, then starts the next one or ends. */
  private void endMember() throws IOException {
    long expectedCrc = readIntLe("its checksum");
    long expectedSize = readIntLe("its length");
    if (expectedCrc != crc.getValue()) {
      throw new GzipFormatException("corrupt gzip file: member " + member
          + " fails its CRC-32 check");
    }
    if (expectedSize != (memberBytes & 0xffffffffL)) {
      throw new GzipFormatException("corrupt gzip file: member " + member
          + " has the wrong uncompressed length");
    }
    // A blocking read, not available(): a pause in the producer is not the end of the input.
    int first = readByte();
    if (first < 0) {
      done = true;
      return;
    }
    int second = readByte();
    if (first != 0x1f || second != 0x8b) {
      throw new GzipFormatException("data that is not gzip after member " + member
          + " (at compressed byte " + (offset() - (second < 0 ? 1 : 2)) + ")");
    }
    readHeaderAfterSignature();
  }

  private void readHeaderAfterSignature() throws IOException {
    member++;
    crc.reset();
    memberBytes = 0;
    inflater.reset();
    int method = headerByte();
    int flags = headerByte();
    if (method != 8) {
      throw new GzipFormatException("unsupported gzip file: member " + member
          + " uses compression method " + method + ", not deflate");
    }
    if ((flags & FRESERVED) != 0) {
      throw new GzipFormatException("corrupt gzip file: member " + member
          + " has reserved header flags set");
    }
    CRC32 headerCrc = new CRC32();
    headerCrc.update(new byte[] {0x1f, (byte) 0x8b, (byte) method, (byte) flags});
    for (int i = 0; i < 6; i++) { // modification time, extra flags, operating system
      headerCrc.update(headerByte());
    }
    if ((flags & FEXTRA) != 0) {
      int lo = headerByte();
      int hi = headerByte();
      headerCrc.update(lo);
      headerCrc.update(hi);
      for (int i = (hi << 8) | lo; i > 0; i--) {
        headerCrc.update(headerByte());
      }
    }
    if ((flags & FNAME) != 0) {
      skipZeroTerminated(headerCrc);
    }
    if ((flags & FCOMMENT) != 0) {
      skipZeroTerminated(headerCrc);
    }
    if ((flags & FHCRC) != 0) {
      int expected = headerByte() | (headerByte() << 8);
      if (expected != (int) (headerCrc.getValue() & 0xffff)) {
        throw new GzipFormatException("corrupt gzip file: the header of member " + member
            + " fails its checksum");
      }
    }
  }

  private void skipZeroTerminated(CRC32 headerCrc) throws IOException {
    for (int b; (b = headerByte()) != 0; ) {
      headerCrc.update(b);
    }
    headerCrc.update(0);
  }

  private int headerByte() throws IOException {
    int b = readByte();
    if (b < 0) {
      throw new GzipFormatException("truncated gzip file: the header of member " + member
          + " is cut short");
    }
    return b;
  }

  private long readIntLe(String what) throws IOException {
    long v = 0;
    for (int i = 0; i < 4; i++) {
      int b = readByte();
      if (b < 0) {
        throw new GzipFormatException("truncated gzip file: member " + member
            + " ends before " + what);
      }
      v |= (long) b << (8 * i);
    }
    return v;
  }

  /** One compressed byte, blocking until there is one; -1 at the end of the input. */
  private int readByte() throws IOException {
    if (pos == len && !fill()) {
      return -1;
    }
    return buf[pos++] & 0xff;
  }

  /** Refills the buffer once it is used up; false at the end of the input. */
  private boolean fill() throws IOException {
    consumedBefore += len;
    pos = 0;
    len = 0;
    int n;
    do {
      n = in.read(buf, 0, buf.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    len = n;
    return true;
  }

  private long offset() {
    return consumedBefore + pos;
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      inflater.end();
      in.close();
    }
  }

  /** A gzip stream that is not what gzip writes; its message is meant for the user. */
  static final class GzipFormatException extends IOException {
    GzipFormatException(String message) {
      super(message);
    }
  }
}
