package org.trollscan.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The limiter under Commons CSV: records within the limits parse exactly as without it; longer
 * fields keep their first characters and end with the cut mark; nothing grows past the bounds.
 */
class CsvFieldLimiterTest {
  private static final int FIELD = 12;
  private static final int RECORD = 30;
  private static final int HEADER = 40;
  private static final int FIELDS = 5;

  private static List<List<String>> parse(Reader reader) throws IOException {
    List<List<String>> out = new ArrayList<>();
    for (CSVRecord r : CSVFormat.RFC4180.parse(reader)) {
      out.add(r.toList());
    }
    return out;
  }

  private static Reader limited(String csv) {
    return new CsvFieldLimiter(new StringReader(csv), ',', FIELD, RECORD, HEADER, FIELDS);
  }

  @Provide
  Arbitrary<String> csv() {
    Arbitrary<String> plain = Arbitraries.strings().withChars("ab ,\n\r").ofMaxLength(16);
    Arbitrary<String> quoted = Arbitraries.strings().withChars("ab ,\n\"\r").ofMaxLength(16)
        .map(s -> "\"" + s.replace("\"", "\"\"") + "\"");
    Arbitrary<String> field = Arbitraries.oneOf(plain, quoted, Arbitraries.just(""));
    Arbitrary<String> record = field.list().ofMinSize(1).ofMaxSize(8)
        .map(l -> String.join(",", l));
    return record.list().ofMaxSize(6).map(l -> String.join("\r\n", l));
  }

  @Property
  void fieldsAreEitherWholeOrAMarkedPrefix(@ForAll("csv") String csv) throws IOException {
    List<List<String>> plain;
    try {
      plain = parse(new StringReader(csv));
    } catch (IOException | RuntimeException e) {
      return; // not valid CSV to begin with: Commons CSV reports it either way
    }
    List<List<String>> cut = parse(limited(csv));
    assertEquals(plain.size(), cut.size(), csv);
    boolean header = true; // the first record that is not a blank line
    for (int r = 0; r < plain.size(); r++) {
      List<String> whole = plain.get(r);
      List<String> kept = cut.get(r);
      int budget = header ? HEADER : RECORD;
      header &= whole.equals(List.of(""));
      int total = 0;
      for (int f = 0; f < kept.size(); f++) {
        String field = kept.get(f);
        String text = CsvFieldLimiter.uncut(field);
        assertTrue(text.length() <= FIELD, "field length: " + field);
        total += text.length();
        assertTrue(whole.get(f).startsWith(text), "prefix: " + whole.get(f) + " / " + field);
        if (!CsvFieldLimiter.wasCut(field)) {
          assertEquals(whole.get(f), field, csv);
        }
      }
      assertTrue(total <= budget, "record length: " + csv);
      assertTrue(kept.size() <= FIELDS, "fields: " + csv);
      boolean anyCut = kept.stream().anyMatch(CsvFieldLimiter::wasCut);
      if (!anyCut) {
        assertEquals(whole, kept, csv);
      }
      if (whole.size() > FIELDS) {
        assertTrue(CsvFieldLimiter.wasCut(kept.get(kept.size() - 1)), "overflow mark: " + csv);
      }
    }
  }

  @Test
  void aHugeFieldIsCutWhileItIsRead() throws IOException {
    Reader endless = new Reader() {
      long left = 50_000_000L;

      @Override
      public int read(char[] b, int off, int len) {
        if (left == 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        java.util.Arrays.fill(b, off, off + n, 'x');
        left -= n;
        return n;
      }

      @Override
      public void close() {}
    };
    Reader csv = concat(new StringReader("id,text\n1,\""), endless,
        new StringReader("\"\n2,fine\n"));
    List<List<String>> rows = parse(new CsvFieldLimiter(csv, ',', 100, 150, 200, 10));
    assertEquals(List.of("id", "text"), rows.get(0));
    assertEquals("1", rows.get(1).get(0));
    assertEquals("x".repeat(100) + CsvFieldLimiter.CUT, rows.get(1).get(1));
    assertEquals(List.of("2", "fine"), rows.get(2));
  }

  private static Reader concat(Reader... parts) {
    return new Reader() {
      int at;

      @Override
      public int read(char[] b, int off, int len) throws IOException {
        while (at < parts.length) {
          int n = parts[at].read(b, off, len);
          if (n >= 0) {
            return n;
          }
          at++;
        }
        return -1;
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void aNoncharacterInTheInputCannotPassForTheMark() throws IOException {
    assertEquals(List.of(List.of("a\uFFFD", "b")), parse(limited("a\uFFFF,b")));
  }
}
