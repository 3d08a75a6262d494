package org.trollscan.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens an input ("-" for stdin) as a {@link PostSource}: picks the format from the extension
 * unless one is given, undoes gzip (every member), refuses UTF-16, skips a UTF-8 byte-order
 * mark, and decodes UTF-8 replacing invalid bytes with U+FFFD (a post with a broken byte is
 * still scored, not lost).
 */
public final class PostSources {
  /** What stdin is read as when no --format is given. */
  public static final InputFormat STDIN_DEFAULT = InputFormat.CSV;

  private PostSources() {}

  public static PostSource open(String name, InputFormat format, ReaderOptions options) {
    return open(name, format, options, System.in);
  }

  /** Opens a file, or {@code stdin} when the name is "-". */
  public static PostSource open(
      String name, InputFormat format, ReaderOptions options, InputStream stdin) {
    InputFormat f = format != null ? format : InputFormat.fromFileName(name);
    if (f == null) {
      if (name.equals("-")) {
        f = STDIN_DEFAULT;
      } else {
        throw new InputException(
            name + ": cannot tell the format from the extension; use --format csv|tsv|jsonl|text");
      }
    }
    Reader reader = openReader(name, stdin);
    try {
      return switch (f) {
        case CSV -> new CsvPostSource(name, reader, ',', options);
        case TSV -> new CsvPostSource(name, reader, '\t', options);
        case JSONL -> new JsonlPostSource(name, reader, options);
        case TEXT -> new TextPostSource(name, reader, options);
      };
    } catch (RuntimeException e) {
      try {
        reader.close();
      } catch (IOException ignored) {
        // The header was refused; that is what the user needs to hear.
      }
      throw e;
    }
  }

  /**
   * A UTF-8 reader over a file or stdin: gunzips ".gz" or gzip data (every member), refuses
   * UTF-16 and UTF-32 with a message saying how to convert, and drops a byte-order mark.
   */
  public static Reader openReader(String name, InputStream stdin) {
    boolean isFile = !name.equals("-");
    InputStream raw = null;
    try {
      raw = isFile ? Files.newInputStream(Path.of(name)) : stdin;
      InputStream in = new BufferedInputStream(raw, 1 << 16);
      if (name.toLowerCase(Locale.ROOT).endsWith(".gz") || isGzip(in)) {
        in = new BufferedInputStream(new GzipMembersInputStream(in), 1 << 16);
      }
      refuseWideEncodings(name, in);
      var decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
      PushbackReader reader = new PushbackReader(new InputStreamReader(in, decoder), 1);
      int first = reader.read();
      if (first != -1 && first != '\uFEFF') {
        reader.unread(first);
      }
      return reader;
    } catch (NoSuchFileException e) {
      throw new InputException(name + ": no such file");
    } catch (AccessDeniedException e) {
      throw new InputException(name + ": permission denied");
    } catch (IOException | InputException e) {
      if (isFile && raw != null) {
        try {
          raw.close();
        } catch (IOException ignored) {
          // The open failed already; that is what the user needs to hear.
        }
      }
      if (e instanceof InputException ie) {
        throw ie;
      }
      throw new InputException(name + ": cannot read: " + reason((IOException) e));
    }
  }

  /** What went wrong in a read, for the user: the message, or the kind of error without one. */
  static String reason(IOException e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static boolean isGzip(InputStream in) throws IOException {
    in.mark(2);
    int a = in.read();
    int b = in.read();
    in.reset();
    return a == 0x1f && b == 0x8b;
  }

  /**
   * Stops on UTF-16 or UTF-32 input, told by a byte-order mark or, without one, by the NUL bytes
   * that every other byte of mostly ASCII UTF-16 is: read as UTF-8 it would give posts full of
   * NULs and a header that names no column.
   */
  private static void refuseWideEncodings(String name, InputStream in) throws IOException {
    byte[] head = new byte[64];
    in.mark(head.length);
    // The first read waits for input; after it only what has arrived is looked at, so that a
    // co-process writing one short post into a pipe is answered without more bytes coming.
    int n = Math.max(0, in.read(head, 0, head.length));
    for (int r; n > 0 && n < head.length && in.available() > 0
        && (r = in.read(head, n, Math.min(head.length - n, in.available()))) > 0; ) {
      n += r;
    }
    in.reset();
    String encoding = null;
    String how = null;
    int b0 = n > 0 ? head[0] & 0xff : -1;
    int b1 = n > 1 ? head[1] & 0xff : -1;
    boolean twoZeros = n > 3 && head[2] == 0 && head[3] == 0;
    if (n > 3 && b0 == 0 && b1 == 0 && (head[2] & 0xff) == 0xFE && (head[3] & 0xff) == 0xFF) {
      encoding = "UTF-32";
      how = "byte-order mark 00 00 FE FF";
    } else if (b0 == 0xFF && b1 == 0xFE && twoZeros) {
      encoding = "UTF-32";
      how = "byte-order mark FF FE 00 00";
    } else if (b0 == 0xFE && b1 == 0xFF) {
      encoding = "UTF-16";
      how = "byte-order mark FE FF";
    } else if (b0 == 0xFF && b1 == 0xFE) {
      encoding = "UTF-16";
      how = "byte-order mark FF FE";
    } else if (n >= 4) {
      int pairs = n / 2;
      int evenNuls = 0;
      int oddNuls = 0;
      for (int i = 0; i < pairs * 2; i++) {
        if (head[i] == 0) {
          if (i % 2 == 0) {
            evenNuls++;
          } else {
            oddNuls++;
          }
        }
      }
      if (evenNuls == 0 && oddNuls * 4 >= pairs * 3) {
        encoding = "UTF-16LE";
        how = "a NUL after every other byte";
      } else if (oddNuls == 0 && evenNuls * 4 >= pairs * 3) {
        encoding = "UTF-16BE";
        how = "a NUL before every other byte";
      }
    }
    if (encoding == null) {
      return;
    }
    String iconv = "iconv -f " + encoding + " -t UTF-8";
    String convert;
    if (name.equals("-")) {
      convert = "... | " + iconv + " | trollscan ...";
    } else if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
      convert = "zcat " + name + " | " + iconv + " > " + utf8Name(name.substring(0,
          name.length() - 3));
    } else {
      convert = iconv + " " + name + " > " + utf8Name(name);
    }
    throw new InputException((name.equals("-") ? "stdin" : name) + ": the input is "
        + encoding.substring(0, 6) + " text (" + how + "), and trollscan reads UTF-8;"
        + " convert it first: " + convert);
  }

  /** "posts.csv" -> "posts-utf8.csv", the name suggested for a converted copy. */
  private static String utf8Name(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    int dot = name.lastIndexOf('.');
    return dot > slash + 1 ? name.substring(0, dot) + "-utf8" + name.substring(dot)
        : name + "-utf8";
  }
}
