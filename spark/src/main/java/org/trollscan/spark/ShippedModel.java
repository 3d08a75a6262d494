package org.trollscan.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.trollscan.model.BundleException;
import org.trollscan.model.BundleIO;
import org.trollscan.model.ModelBundle;
import org.trollscan.model.Scorer;

/**
 * A model bundle read and checked once on the driver and shipped to the executors as its bytes
 * in a broadcast. Executors never open a model path: they score with exactly the bytes the
 * driver checked, so a model that only the driver can see, or a different file of the same name
 * on a worker, cannot reach a task. Serializable: tasks carry it, the bytes travel once per
 * executor through the broadcast.
 */
public final class ShippedModel implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Scorers kept per JVM; a few, so that a long session that re-registers does not pile up. */
  private static final int KEPT_SCORERS = 4;
  private static final Map<Long, Scorer> SCORERS = new LinkedHashMap<>(8, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Scorer> eldest) {
      return size() > KEPT_SCORERS;
    }
  };

  private final Broadcast<byte[]> bytes;
  private final String name;
  private final String version;
  /** This copy's scorer: a task's copy asks the shared map once, not once per row. */
  private transient volatile Scorer cached;

  private ShippedModel(Broadcast<byte[]> bytes, String name, String version) {
    this.bytes = bytes;
    this.name = name;
    this.version = version;
  }

  /**
   * Reads the bundle at {@code modelPath} (a path on the driver's file system, or a URI such as
   * {@code hdfs:///models/m.zip}; null: the model shipped inside trollscan), checks it as the CLI
   * does, and broadcasts its bytes.
   *
   * @throws BundleException naming the path, when the model is missing, corrupt or incompatible
   */
  public static ShippedModel ship(SparkSession spark, String modelPath) {
    String name = modelPath == null ? "default model" : modelPath;
    byte[] raw = modelPath == null ? defaultModelBytes()
        : modelPath.contains("://") ? hadoopBytes(spark, modelPath) : fileBytes(modelPath);
    ModelBundle bundle = load(raw, name);
    Broadcast<byte[]> broadcast =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(raw);
    synchronized (SCORERS) {
      // The driver has the bundle already; in local mode its JVM is also the executor's.
      SCORERS.put(broadcast.id(), new Scorer(bundle));
    }
    return new ShippedModel(broadcast, name, bundle.manifest().modelVersion());
  }

  /** The scorer for this model in the current JVM, built from the broadcast bytes once. */
  public Scorer scorer() {
    Scorer s = cached;
    if (s == null) {
      synchronized (SCORERS) {
        s = SCORERS.get(bytes.id());
        if (s == null) {
          s = new Scorer(load(bytes.value(), name));
          SCORERS.put(bytes.id(), s);
        }
      }
      cached = s;
    }
    return s;
  }

  /** Forgets the scorers of this JVM, as a fresh executor starts (for tests). */
  static void forgetScorers() {
    synchronized (SCORERS) {
      SCORERS.clear();
    }
  }

  /** The model as the user named it ("default model" for the shipped one). */
  public String name() {
    return name;
  }

  /** The model's own version, from its manifest. */
  public String version() {
    return version;
  }

  private static byte[] fileBytes(String modelPath) {
    try {
      return Files.readAllBytes(Path.of(modelPath));
    } catch (NoSuchFileException e) {
      // A driver in cluster mode finds a file shipped with --files in SparkFiles, not its cwd.
      Path shipped = Path.of(SparkFiles.get(Path.of(modelPath).getFileName().toString()));
      if (Files.isRegularFile(shipped)) {
        return fileBytes(shipped.toString());
      }
      throw new BundleException(modelPath + ": model file not found");
    } catch (IOException e) {
      throw new BundleException(modelPath + ": cannot read the model: " + e.getMessage(), e);
    }
  }

  /** A model named by a URI (hdfs://, s3a://, file://...), read through Hadoop's file systems. */
  private static byte[] hadoopBytes(SparkSession spark, String uri) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
    try (InputStream in = path.getFileSystem(spark.sparkContext().hadoopConfiguration())
        .open(path)) {
      return in.readAllBytes();
    } catch (java.io.FileNotFoundException e) {
      throw new BundleException(uri + ": model file not found");
    } catch (IOException | IllegalArgumentException e) {
      throw new BundleException(uri + ": cannot read the model: " + e.getMessage(), e);
    }
  }

  private static byte[] defaultModelBytes() {
    try (InputStream in = BundleIO.class.getResourceAsStream(BundleIO.DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new BundleException("the default model is not in this build ("
            + BundleIO.DEFAULT_RESOURCE + "); pass one with --model");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new BundleException("default model: cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Loads and checks a bundle from its bytes. BundleIO reads bundles from files only, so the bytes
   * go through a private temporary file; messages name the model, not that file.
   */
  static ModelBundle load(byte[] raw, String name) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile("trollscan-model-", ".zip");
      Files.write(tmp, raw);
      return BundleIO.load(tmp);
    } catch (BundleException e) {
      String where = tmp.toString();
      throw new BundleException(e.getMessage().replace(where, name), e.getCause());
    } catch (IOException e) {
      throw new BundleException(name + ": cannot stage the model for reading: " + e.getMessage(),
          e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // A leftover file in the temporary folder is harmless; the model is already read.
        }
      }
    }
  }
}
