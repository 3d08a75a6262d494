package org.trollscan.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.model.TinyModels;

/**
 * Posts that once stopped a whole run (a character reference to no character made the decoder
 * throw, and that exception was taken for a usage error, exit 2, with no output): through the
 * real {@code score} and {@code summarize} commands, each is now scored and the rest with it.
 */
class OnePostNeverStopsARunTest {
  @TempDir static Path tmp;
  static String model;

  @BeforeAll
  static void trainTinyModel() throws IOException {
    model = TinyModels.shared().toString();
  }

  private static HostileInputTest.Run score(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "score";
    all[1] = "--model";
    all[2] = model;
    System.arraycopy(args, 0, all, 3, args.length);
    return HostileInputTest.run(all);
  }

  private static Path file(String name, String content) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void aReferenceBeyondUnicodeIsScoredAsAReplacementCharacter() throws IOException {
    Path in = file("e.csv", "id,text\n1,fine\n2,a &#99999999; b\n3,fine\n");
    Path out = tmp.resolve("o.csv");
    HostileInputTest.Run r = score(in.toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(4, Files.readAllLines(out).size());
    assertTrue(r.err().contains("3 rows read, 3 written, 0 rejected"), r.err());
  }

  @Test
  void everyKindOfReferenceToNoCharacterIsScored() throws IOException {
    Path in = file("refs.csv", "id,text\n1,\"&#x110000; &#xD800; &#xDFFF; &#0; &#x0;\"\n"
        + "2,&#4294967295;\n3,&#xFFFFFFF;\n4,fine\n");
    HostileInputTest.Run r = score(in.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("4 rows read, 4 written, 0 rejected"), r.err());
  }

  @Test
  void loneSurrogatesInJsonAreScoredAndWritten() throws IOException {
    Path in = file("s.jsonl", "{\"id\":1,\"text\":\"a \\ud800 b\"}\n"
        + "{\"id\":2,\"text\":\"\\udfff report her \\ud83d\"}\n{\"id\":3,\"text\":\"fine\"}\n");
    HostileInputTest.Run csv = score(in.toString());
    assertEquals(0, csv.code(), csv.err());
    assertEquals(4, csv.out().lines().count(), csv.out());
    HostileInputTest.Run jsonl = score("--output-format", "jsonl",
        in.toString());
    assertEquals(0, jsonl.code(), jsonl.err());
    assertEquals(3, jsonl.out().lines().count(), jsonl.out());
  }

  @Test
  void summarizeScoresThemToo() throws IOException {
    Path in = file("t.csv", "id,text,thread_id\n1,fine,t1\n2,a &#99999999; b,t1\n");
    Path dir = tmp.resolve("summary");
    HostileInputTest.Run r = HostileInputTest.run("summarize", "--model", model,
        "--thread-column", "thread_id", "--out-dir", dir.toString(), in.toString());
    assertEquals(0, r.code(), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }
}
