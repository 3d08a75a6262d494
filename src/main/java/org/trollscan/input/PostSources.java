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
import java.util.zip.GZIPInputStream;

/**
 * Opens an input ("-" for stdin) as a {@link PostSource}: picks the format from the extension
 * unless one is given, undoes gzip, skips a UTF-8 byte-order mark, and decodes UTF-8 replacing
 * invalid bytes with U+FFFD (a post with a broken byte is still scored, not lost).
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
    return switch (f) {
      case CSV -> new CsvPostSource(name, reader, ',', options);
      case TSV -> new CsvPostSource(name, reader, '\t', options);
      case JSONL -> new JsonlPostSource(name, reader, options);
      case TEXT -> new TextPostSource(name, reader);
    };
  }

  /** A UTF-8 reader over a file or stdin, gunzipping ".gz" and dropping a byte-order mark. */
  public static Reader openReader(String name, InputStream stdin) {
    try {
      InputStream in = name.equals("-") ? stdin : Files.newInputStream(Path.of(name));
      in = new BufferedInputStream(in, 1 << 16);
      if (name.endsWith(".gz") || isGzip(in)) {
        in = new GZIPInputStream(in, 1 << 16);
      }
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
    } catch (IOException e) {
      throw new InputException(name + ": cannot read: " + e.getMessage());
    }
  }

  private static boolean isGzip(InputStream in) throws IOException {
    in.mark(2);
    int a = in.read();
    int b = in.read();
    in.reset();
    return a == 0x1f && b == 0x8b;
  }
}
