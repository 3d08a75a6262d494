package org.trollscan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.trollscan.features.FeatureHash;
import org.trollscan.features.FeatureVector;

class MaxentWeightsReaderTest {
  /** Predicate names with every width of modified UTF-8: ASCII, NUL, two bytes, three, emoji. */
  private static final List<String[]> POSTS = List.of(
      new String[] {"w=ring", "w=café", "c=ñ\u0000x"},
      new String[] {"w=ring", "w=report", "w=😡"},
      new String[] {"w=lovely", "w=weather", "w=日本"},
      new String[] {"w=nice", "w=café", "c=ñ\u0000x"},
      new String[] {"w=report", "w=😡", "w=日本"},
      new String[] {"w=lovely", "w=nice"});
  private static final boolean[] GOLD = {true, true, false, false, true, false};

  private static AbstractModel train(String algorithm) {
    List<FeatureVector> features = new ArrayList<>();
    List<Boolean> gold = new ArrayList<>();
    for (int i = 0; i < POSTS.size(); i++) {
      float[] values = new float[POSTS.get(i).length];
      Arrays.fill(values, 1f);
      features.add(new FeatureVector(POSTS.get(i), values, null, null, null));
      gold.add(GOLD[i]);
    }
    return new MaxentTrainer(new TrainingSettings(algorithm, 50, 0, 0, 0.1, 2, 1, 1L, null, TrainingSettings.MAX_F1, 1))
        .train(features, gold).model();
  }

  @SuppressWarnings("unchecked")
  private static Map<Long, Double> openNlpWeights(AbstractModel m) {
    Map<Long, Double> weights = new HashMap<>();
    int pos = m.getIndex(LabelModel.POSITIVE);
    int neg = m.getIndex(LabelModel.NEGATIVE);
    ((Map<String, Context>) m.getDataStructures()[1]).forEach((name, context) -> {
      double w = 0;
      for (int i = 0; i < context.getOutcomes().length; i++) {
        int o = context.getOutcomes()[i];
        w += o == pos ? context.getParameters()[i] : o == neg ? -context.getParameters()[i] : 0;
      }
      weights.put(FeatureHash.of(name), w);
    });
    return weights;
  }

  @ParameterizedTest
  @ValueSource(strings = {"QN", "GIS"})
  void readsTheWeightsOpenNlpsOwnReaderReadsForEveryPredicateName(String algorithm)
      throws IOException {
    byte[] bytes = BundleIO.serialize(train(algorithm));
    Map<Long, Double> expected = openNlpWeights(OpenNlpReference.parse(bytes));
    MaxentWeightsReader.LabelWeights read = MaxentWeightsReader.read(bytes, "m");
    assertEquals(expected.size(), read.hashes().length);
    for (int i = 0; i < read.hashes().length; i++) {
      assertTrue(expected.containsKey(read.hashes()[i]), "hash " + i);
      assertEquals(expected.get(read.hashes()[i]), read.weights()[i], 0.0);
    }
    assertTrue(Arrays.stream(read.weights()).anyMatch(w -> w != 0), "a trained model has weights");
  }

  @Test
  void aTruncatedModelIsRefusedWithItsName() throws IOException {
    byte[] bytes = BundleIO.serialize(train("QN"));
    for (int cut : new int[] {1, 10, bytes.length / 2, bytes.length - 1}) {
      BundleException e = assertThrows(BundleException.class,
          () -> MaxentWeightsReader.read(Arrays.copyOf(bytes, cut), "b.zip:harassment.maxent"));
      assertTrue(e.getMessage().startsWith("b.zip:harassment.maxent: cannot parse"),
          e.getMessage());
    }
  }

  @Test
  void trailingBytesAreRefused() throws IOException {
    byte[] bytes = BundleIO.serialize(train("QN"));
    assertThrows(BundleException.class,
        () -> MaxentWeightsReader.read(Arrays.copyOf(bytes, bytes.length + 3), "m"));
  }

  /** What a model writer would write, written by hand. */
  private interface Writes {
    void to(DataOutputStream out) throws IOException;
  }

  private static byte[] bytes(Writes writes) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(buf)) {
      writes.to(out);
    }
    return buf.toByteArray();
  }

  @Test
  void aModelOfAnotherKindIsRefused() throws IOException {
    byte[] perceptron = bytes(out -> {
      out.writeUTF("Perceptron");
      out.writeInt(0);
    });
    BundleException e = assertThrows(BundleException.class,
        () -> MaxentWeightsReader.read(perceptron, "m"));
    assertTrue(e.getMessage().contains("Perceptron"), e.getMessage());
  }

  @Test
  void aModelWithoutOutcomesOneAndZeroIsNotBinary() throws IOException {
    byte[] yesNo = bytes(out -> {
      out.writeUTF("QN");
      out.writeInt(2);
      out.writeUTF("yes");
      out.writeUTF("no");
      out.writeInt(0);
      out.writeInt(0);
    });
    BundleException e = assertThrows(BundleException.class,
        () -> MaxentWeightsReader.read(yesNo, "m"));
    assertTrue(e.getMessage().contains("not a binary model"), e.getMessage());
  }

  @Test
  void predicateNamesAreHashedAsFeatureHashHashesTheirChars() throws IOException {
    List<String> names = List.of("w=café", "x\u0000y", "w=😡", "日本", "");
    byte[] model = bytes(out -> {
      out.writeUTF("QN");
      out.writeInt(2);
      out.writeUTF("1");
      out.writeUTF("0");
      out.writeInt(1);
      out.writeUTF(names.size() + " 0 1");
      out.writeInt(names.size());
      for (String name : names) {
        out.writeUTF(name);
      }
      for (int i = 0; i < names.size(); i++) {
        out.writeDouble(i + 1.5);
        out.writeDouble(0.25);
      }
    });
    MaxentWeightsReader.LabelWeights read = MaxentWeightsReader.read(model, "m");
    assertArrayEquals(names.stream().mapToLong(FeatureHash::of).toArray(), read.hashes());
    assertArrayEquals(new double[] {1.25, 2.25, 3.25, 4.25, 5.25}, read.weights(), 0.0);
  }

  @Test
  void countsAreCheckedAgainstTheBytesThatFollowBeforeAnythingIsAllocated() throws IOException {
    byte[] outcomes = bytes(out -> {
      out.writeUTF("QN");
      out.writeInt(999_999);
      out.writeUTF("1");
    });
    BundleException e = assertThrows(BundleException.class,
        () -> MaxentWeightsReader.read(outcomes, "m"));
    assertEquals("m: cannot parse the maxent model: it declares 999999 outcomes but only 3 bytes"
        + " follow", e.getMessage());
    byte[] patterns = bytes(out -> {
      out.writeUTF("QN");
      out.writeInt(2);
      out.writeUTF("1");
      out.writeUTF("0");
      out.writeInt(Integer.MAX_VALUE);
    });
    e = assertThrows(BundleException.class, () -> MaxentWeightsReader.read(patterns, "m"));
    assertEquals("m: cannot parse the maxent model: it declares 2147483647 outcome patterns;"
        + " allowed: at most 1000000", e.getMessage());
  }

  @Test
  void aModelWithMorePredicatesThanTheLimitIsRefusedWhateverItsSize() throws IOException {
    int n = MaxentWeightsReader.MAX_PREDICATES + 1;
    byte[] model = bytes(out -> {
      out.writeUTF("QN");
      out.writeInt(2);
      out.writeUTF("1");
      out.writeUTF("0");
      out.writeInt(1);
      out.writeUTF(n + " 0 1");
      out.writeInt(n);
      for (int i = 0; i < n; i++) {
        out.writeUTF("");
      }
    });
    BundleException e = assertThrows(BundleException.class,
        () -> MaxentWeightsReader.read(model, "m"));
    assertEquals("m: cannot parse the maxent model: it declares 1000001 predicates; allowed: at"
        + " most 1000000", e.getMessage());
  }
}
