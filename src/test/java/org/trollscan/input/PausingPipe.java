package org.trollscan.input;

import java.io.InputStream;

/** For reader tests: input that arrives in chunks, with a producer pausing between them. */
public final class PausingPipe {
  private PausingPipe() {}

  /**
   * Serves the given chunks one read at a time and says nothing is available between them, as
   * a pipe does while its producer pauses (the JDK's GZIPInputStream stops there).
   */
  public static InputStream of(byte[]... chunks) {
    return new InputStream() {
      private int chunk;
      private int pos;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        while (chunk < chunks.length && pos == chunks[chunk].length) {
          chunk++;
          pos = 0;
        }
        if (chunk == chunks.length) {
          return -1;
        }
        int n = Math.min(len, chunks[chunk].length - pos);
        System.arraycopy(chunks[chunk], pos, b, off, n);
        pos += n;
        return n;
      }

      @Override
      public int available() {
        return 0;
      }
    };
  }
}
