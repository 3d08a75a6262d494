package org.trollscan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random damage to a bundle: whatever bytes of the file change, and whatever value of a
 * resealed manifest is replaced, loading either refuses with a {@link BundleException} (exit 4)
 * or gives a model that scores exactly as the original; no other exception, no other model.
 * The number of tries is kept small for CI; raise it with -Djqwik.tries.default=100000.
 */
class BundlePropertiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> POSTS = List.of("ring social services on her",
      "the weather is lovely today", "you absolute moron");
  private static byte[] original;
  private static List<BundleFiles.Entry> entries;
  private static Map<Label, Double>[] expected;

  @SuppressWarnings("unchecked")
  private static synchronized void setUp() {
    if (original == null) {
      try {
        original = Files.readAllBytes(TinyModels.shared());
        entries = BundleFiles.entries(TinyModels.shared());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      expected = POSTS.stream().map(p -> scores(load(original), p)).toArray(Map[]::new);
    }
  }

  private static ModelBundle load(byte[] bundle) {
    try {
      return BundleIO.read(new ByteArrayInputStream(bundle), "damaged.zip", true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<Label, Double> scores(ModelBundle bundle, String post) {
    return new Scorer(bundle).score(post, false).probabilities();
  }

  private static void assertRefusedOrUnchanged(byte[] bundle) {
    ModelBundle loaded;
    try {
      loaded = load(bundle);
    } catch (BundleException e) {
      return; // refused with a message: exit 4
    }
    for (int i = 0; i < POSTS.size(); i++) {
      assertEquals(expected[i], scores(loaded, POSTS.get(i)), POSTS.get(i));
    }
  }

  @Provide
  Arbitrary<byte[]> damagedFiles() {
    setUp();
    Arbitrary<byte[]> overwritten = Arbitraries.integers().between(0, original.length - 1).list()
        .ofMinSize(1).ofMaxSize(6)
        .flatMap(positions -> Arbitraries.bytes().array(byte[].class).ofSize(positions.size())
            .map(values -> {
              byte[] copy = original.clone();
              for (int i = 0; i < positions.size(); i++) {
                copy[positions.get(i)] = values[i];
              }
              return copy;
            }));
    Arbitrary<byte[]> cut = Arbitraries.integers().between(0, original.length - 1)
        .map(n -> java.util.Arrays.copyOf(original, n));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, overwritten),
        net.jqwik.api.Tuple.of(1, cut));
  }

  @Property
  void aDamagedFileIsRefusedOrScoresAsTheOriginal(@ForAll("damagedFiles") byte[] bundle) {
    assertRefusedOrUnchanged(bundle);
  }

  @Provide
  Arbitrary<JsonNode> values() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return Arbitraries.oneOf(
        Arbitraries.integers().map(f::numberNode),
        Arbitraries.longs().map(f::numberNode),
        Arbitraries.doubles().map(f::numberNode),
        Arbitraries.of(f.numberNode(-1), f.numberNode(0), f.numberNode(1), f.numberNode(1.5),
            f.numberNode(Integer.MAX_VALUE), f.numberNode(new java.math.BigInteger("1" + "0".repeat(30))),
            f.nullNode(), f.booleanNode(true), f.booleanNode(false), f.textNode("NaN"),
            f.textNode(""), f.textNode("ud"), f.textNode("../x"), f.textNode("a\u0000b"),
            f.objectNode(), f.arrayNode(), f.textNode("0".repeat(64))),
        Arbitraries.strings().ofMaxLength(20).map(f::textNode));
  }

  /** Every value node of a manifest, as the container holding it and its field or index. */
  private static void slots(JsonNode node, List<Object[]> out) {
    if (node instanceof ObjectNode o) {
      o.fieldNames().forEachRemaining(name -> {
        out.add(new Object[] {o, name});
        slots(o.get(name), out);
      });
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        out.add(new Object[] {a, i});
        slots(a.get(i), out);
      }
    }
  }

  /**
   * One value of the manifest replaced (or removed), everything resealed: the manifest's checks
   * alone stand between it and the scores.
   */
  @Property
  void aResealedManifestWithAnyValueReplacedIsRefusedOrScoresAsTheOriginal(
      @ForAll("values") JsonNode value, @ForAll int where, @ForAll boolean remove)
      throws IOException {
    setUp();
    ObjectNode manifest = (ObjectNode) JSON.readTree(BundleFiles.get(entries, BundleIO.MANIFEST));
    List<Object[]> slots = new ArrayList<>();
    slots(manifest, slots);
    Object[] slot = slots.get(Math.floorMod(where, slots.size()));
    if (slot[0] instanceof ObjectNode o) {
      if (remove) {
        o.remove((String) slot[1]);
      } else {
        o.set((String) slot[1], value);
      }
    } else if (remove) {
      ((ArrayNode) slot[0]).remove((int) slot[1]);
    } else {
      ((ArrayNode) slot[0]).set((int) slot[1], value);
    }
    List<BundleFiles.Entry> resealed = BundleFiles.reseal(BundleFiles.replace(entries,
        BundleIO.MANIFEST, JSON.writeValueAsBytes(manifest)));
    java.nio.file.Path file = Files.createTempFile("resealed", ".zip");
    try {
      BundleFiles.write(file, resealed);
      byte[] bytes = Files.readAllBytes(file);
      ModelBundle loaded;
      try {
        loaded = load(bytes);
      } catch (BundleException e) {
        return;
      }
      // Loaded: only values that do not change scores may differ (a provenance field, say).
      for (int i = 0; i < POSTS.size(); i++) {
        if (!expected[i].equals(scores(loaded, POSTS.get(i)))) {
          // A valid threshold or setting edit, resealed, is a different model claiming to be
          // this one; the checksums cannot tell (docs/model-bundle.md). It must still be valid.
          ManifestReader.read(JSON.writeValueAsBytes(manifest));
          return;
        }
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
