package org.trollscan.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.trollscan.input.RejectedRow;

/** The one spreadsheet rule: every formula start neutralised, every number left as it is. */
class SpreadsheetSafetyTest {
  /** The number syntax the class comment documents, as a regular expression to check against. */
  static final Pattern NUMBER =
      Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
  static final String TRIGGERS = "=+-@\t\r";

  @Test
  void formulaStartsAreNeutralised() {
    for (String risky : List.of("=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\rx", "=",
        "=-3", "+44 7700", "-1,5", "- 3", "-0x1F", "-Infinity", "-NaN", "-1e", "-e5", "-.",
        "+.e1", "--3", "+-3", "-3-3", "-3e5e5", "-2+3+cmd|' /C calc'!A0", "-\u0661",
        "@", "-3 ", "+1.5E+")) {
      assertEquals("'" + risky, SpreadsheetSafety.neutralize(risky), risky);
    }
  }

  @Test
  void numbersLoneSignsAndOtherCellsAreKept() {
    for (String kept : List.of("-3", "+2.5", "-1e5", "-.5", "-5.", "+1E-07", "-0", "-007",
        "+.5e-3", "-", "+", "", "hello", "1", "3.5", "'quoted", " =not at start", "0.031250")) {
      assertEquals(kept, SpreadsheetSafety.neutralize(kept), kept);
    }
  }

  @Property
  void aCellStartingWithATriggerIsNeutralisedUnlessItIsANumberOrALoneSign(
      @ForAll("triggerCells") String cell) {
    String out = SpreadsheetSafety.neutralize(cell);
    boolean number = NUMBER.matcher(cell).matches() || cell.equals("-") || cell.equals("+");
    assertEquals(number ? cell : "'" + cell, out);
  }

  @Provide
  Arbitrary<String> triggerCells() {
    Arbitrary<Character> first = Arbitraries.of('=', '+', '-', '@', '\t', '\r');
    Arbitrary<String> rest = Arbitraries.strings().withChars("0123456789.eE+-=@ (),x\"'\n")
        .ofMaxLength(8);
    return Combinators.combine(first, rest).as((f, r) -> f + r);
  }

  @Property
  void everyNumberIsLeftAsItIsAndReadsAsADouble(@ForAll("numbers") String number) {
    assertEquals(number, SpreadsheetSafety.neutralize(number));
    // Both throw if Java disagrees that it is a number.
    Double.parseDouble(number);
    new java.math.BigDecimal(number);
  }

  @Provide
  Arbitrary<String> numbers() {
    Arbitrary<String> sign = Arbitraries.of("", "+", "-");
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6);
    Arbitrary<String> mantissa = Arbitraries.oneOf(digits,
        Combinators.combine(digits, digits).as((a, b) -> a + "." + b),
        digits.map(d -> "." + d), digits.map(d -> d + "."));
    Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""),
        Combinators.combine(Arbitraries.of("e", "E"), sign, digits).as((e, s, d) -> e + s + d));
    return Combinators.combine(sign, mantissa, exponent).as((s, m, e) -> s + m + e);
  }

  @Property
  void theHandWrittenNumberCheckAgreesWithTheDocumentedSyntax(
      @ForAll("numberLike") String s) {
    assertEquals(NUMBER.matcher(s).matches(), SpreadsheetSafety.isNumber(s), s);
  }

  @Provide
  Arbitrary<String> numberLike() {
    return Arbitraries.strings().withChars("+-.eE0123456789 x\u0661").ofMaxLength(7);
  }

  /** Whatever the cells, a file CsvOutput writes reads back cell for cell (neutralised or not). */
  @Property
  void csvOutputRoundTripsThroughCommonsCsv(@ForAll("rows") List<List<String>> rows,
      @ForAll boolean safe) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CsvOutput out = new CsvOutput(bytes, safe);
    for (List<String> row : rows) {
      out.printRecord(row);
    }
    out.flush();
    String text = bytes.toString(StandardCharsets.UTF_8);
    List<CSVRecord> read = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
    assertEquals(rows.size(), read.size(), text);
    for (int r = 0; r < rows.size(); r++) {
      List<String> expected = new ArrayList<>();
      for (String cell : rows.get(r)) {
        expected.add(safe ? SpreadsheetSafety.neutralize(cell) : cell);
      }
      assertEquals(expected, read.get(r).toList(), text);
      if (safe) {
        for (String cell : read.get(r).toList()) {
          assertFalse(!cell.isEmpty() && TRIGGERS.indexOf(cell.charAt(0)) >= 0
              && !NUMBER.matcher(cell).matches() && !cell.equals("-") && !cell.equals("+"),
              "a formula start survived: " + cell);
        }
      }
    }
  }

  @Provide
  Arbitrary<List<List<String>>> rows() {
    Arbitrary<String> cell = Arbitraries.strings().withChars("a1-+=@\t\r\n,\"'. e").ofMaxLength(6);
    return cell.list().ofMinSize(1).ofMaxSize(5).list().ofMinSize(1).ofMaxSize(5);
  }

  @Test
  void everyColumnOfTheErrorsFileIsNeutralisedTheSourceToo() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RejectedRowWriter w = new RejectedRowWriter(bytes, true);
    w.write(new RejectedRow("=evil.csv", 7, "@reason", "-1+1,=x"));
    w.write(new RejectedRow("-", 8, "empty text", "-3"));
    w.finish();
    List<CSVRecord> read = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(bytes.toString(StandardCharsets.UTF_8))).getRecords();
    assertEquals(List.of("'=evil.csv", "7", "'@reason", "'-1+1,=x"), read.get(0).toList());
    assertEquals(List.of("-", "8", "empty text", "-3"), read.get(1).toList());
    assertTrue(bytes.toString(StandardCharsets.UTF_8).startsWith("source,line,reason,raw\r\n"));
  }
}
