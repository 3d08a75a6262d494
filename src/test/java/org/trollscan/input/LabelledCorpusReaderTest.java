package org.trollscan.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledCorpusReaderTest {
  @TempDir Path dir;
  private final LabelledCorpusReader reader =
      new LabelledCorpusReader(List.of("harassment", "false_report"));

  @Test
  void anEmptyLabelCellMeansNotLabelledForThatLabelOnly() throws IOException {
    Path f = dir.resolve("c.csv");
    Files.writeString(f, "text,harassment,false_report,thread_id\na,1,,t1\nb,0,0,t1\n");
    List<LabelledPost> posts = reader.read(f.toString());
    assertTrue(posts.get(0).gold().get("harassment"));
    assertFalse(posts.get(0).gold().containsKey("false_report"));
    assertEquals("t1", posts.get(1).group());
  }

  @Test
  void aBadLabelValueNamesFileLineAndValue() throws IOException {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, "text,harassment\na,1\nb,yes\n");
    InputException e = assertThrows(InputException.class, () -> reader.read(f.toString()));
    assertEquals(f + ":3: label 'harassment' must be 1, 0 or empty, not 'yes'", e.getMessage());
  }

  @Test
  void aFileWithoutAnyLabelColumnIsRefused() throws IOException {
    Path f = dir.resolve("none.csv");
    Files.writeString(f, "text,score\na,1\n");
    InputException e = assertThrows(InputException.class, () -> reader.read(f.toString()));
    assertTrue(e.getMessage().contains("no label column"), e.getMessage());
  }

  @Test
  void blankLinesInACorpusAreSkippedAsInEveryInputAndLinesStillCount() throws IOException {
    Path f = dir.resolve("blank.csv");
    Files.writeString(f, "text,harassment\na,1\n\n  \nb,maybe\n");
    InputException e = assertThrows(InputException.class, () -> reader.read(f.toString()));
    assertEquals(f + ":5: label 'harassment' must be 1, 0 or empty, not 'maybe'", e.getMessage());
    Files.writeString(f, "text,harassment\na,1\n\nb,0\n\n");
    assertEquals(2, reader.read(f.toString()).size());
  }
}
