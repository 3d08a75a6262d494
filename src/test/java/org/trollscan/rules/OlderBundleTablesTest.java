package org.trollscan.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule files that were Java until 7 December 2026 (character tables, then grammar words) and
 * that format 3 bundles trained before them lack: such a bundle is scored with this build's copy,
 * so the copy must stay what those bundles were trained with. If this fails after an edit of one
 * of the files, the edit changes the scores of every such bundle (the 2026.11.29-40 model among
 * them): keep the old file for them (a copy that {@link Rules#tableOlderBundlesLack} reads)
 * before changing it for new models.
 */
class OlderBundleTablesTest {
  private static final Rules RULES = Rules.fromClasspath();

  /** The digests the older bundles were trained with, written here a second time on purpose. */
  private static final Map<String, String> TRAINED_WITH = new LinkedHashMap<>();

  static {
    TRAINED_WITH.put(Rules.HTML_BREAKING_TAGS,
        "39289f238eacc1437998ba34f0fe658203c022085de05cd0183513a1a1ec5386");
    TRAINED_WITH.put(Rules.HTML_INLINE_TAGS,
        "87cff87ef41696adccc804093637023622576d98239c14ac3d1aca74391bf1f4");
    TRAINED_WITH.put(Rules.QUOTE_MARKS,
        "f02cc049734469fce59edaddf18fcea2470f864e1f9cf74f7347bf7177c6760a");
    TRAINED_WITH.put(Rules.LEET,
        "ac87eb297f90a5f1b1640d6158501612c917753055d78d3e27b3b6c08d7107e2");
    TRAINED_WITH.put(Rules.NEGATION_ENDS,
        "cdc29937887188ad3702d1831d5b7ec66333a2a909e1f242432eb168d4c7b08b");
    TRAINED_WITH.put(Rules.QUOTE_BLOCK_MARKERS,
        "9e526b58baff42d1f7820224d10866d6cf1f99c58cb70f6ab18875ca9bb38e6e");
    TRAINED_WITH.put(Rules.PLURAL_ENDINGS,
        "2a095c328cd83b06c6f287763854cb28cb789ab1dfb02c145fd22e04e25d5d71");
    TRAINED_WITH.put(Rules.VERDICT_THAT,
        "8e7fc0236af43df9340685fc16f1efe36543cc1707051220a103ad99cf69a2df");
    TRAINED_WITH.put(Rules.OBJECT_OR_POSSESSIVE,
        "354cbfc814262a7a81d343f7d6ebc4adfb4266e5081a78f6a19ff16802dce8b2");
  }

  static Stream<String> files() {
    return TRAINED_WITH.keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void theFileOlderBundlesGetIsPinnedByDigest(String file) {
    String sha256 = TRAINED_WITH.get(file);
    assertEquals(sha256, Rules.tableDigest(file, RULES.files().get(file)), file);
    assertEquals(sha256, Rules.TABLES_OLDER_BUNDLES_LACK.get(file), file);
    assertArrayEquals(RULES.files().get(file), Rules.tableOlderBundlesLack(file));
  }

  @Test
  void everyFileOlderBundlesMayLackIsPinnedHere() {
    assertEquals(Rules.TABLES_OLDER_BUNDLES_LACK.keySet(), TRAINED_WITH.keySet());
  }
}
