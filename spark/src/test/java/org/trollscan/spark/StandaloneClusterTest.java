package org.trollscan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trollscan.model.BundleIO;
import org.trollscan.model.Label;
import org.trollscan.model.Score;
import org.trollscan.model.Scorer;

/**
 * The job on a real standalone cluster: a master and two one-core workers, each its own JVM
 * started from this project's Maven dependencies, bound to 127.0.0.1; the job submitted through
 * SparkSubmit in client mode, as spark-submit does. The application is target/classes as a jar
 * plus the core and its dependencies with --jars (the shaded jar is built only after the tests);
 * the workers' SPARK_HOME/jars hold Spark alone, so trollscan reaches the executors only with the
 * application. The model is named by a path relative to the driver's working directory, which no
 * executor can open: they must score with the driver's bytes.
 */
class StandaloneClusterTest {
  static final Path MODEL = Path.of("../models/trollscan-default.zip").toAbsolutePath();
  static final int ROWS = 6_000;
  /** Generous: the CI machine is small and often shared; a normal run takes far less. */
  static final long PROCESS_TIMEOUT_S = 420;
  static final ObjectMapper JSON = new ObjectMapper();
  /**
   * For every JVM of the cluster: seven JVMs share the CI machine's two cores, and in runs this
   * short the C2 compiler and parallel GC threads cost more CPU than they save.
   */
  static final String[] LEAN_JVM = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
      "-XX:ActiveProcessorCount=1", "-Xshare:auto"};

  static Path root;
  static Path sparkHome;
  static Path appJar;
  static List<String> appJars;
  static String masterUrl;
  static final List<Process> started = new ArrayList<>();
  static final List<Path> workDirs = new ArrayList<>();
  static Thread stopOnExit;

  @BeforeAll
  static void startCluster() throws Exception {
    root = Path.of("target", "cluster-test").toAbsolutePath();
    deleteTree(root);
    Files.createDirectories(root);
    classpaths();
    stopOnExit = new Thread(StandaloneClusterTest::stopAll, "stop-test-cluster");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    masterUrl = "spark://127.0.0.1:" + port;
    start("master", root, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
        "--port", Integer.toString(port), "--webui-port", "0");
    waitForPort(port);
    for (int w = 1; w <= 2; w++) {
      Path workDir = Files.createDirectories(root.resolve("worker" + w));
      workDirs.add(workDir);
      start("worker" + w, root, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
          "--port", "0", "--webui-port", "0", "--cores", "1", "--memory", "1g",
          "--work-dir", workDir.toString(), masterUrl);
    }
  }

  @AfterAll
  static void stopCluster() {
    stopAll();
    if (stopOnExit != null) {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    }
  }

  /** Stops what this test started, executors (the workers' children) first. */
  static synchronized void stopAll() {
    for (Process p : started) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    for (Process p : started) {
      try {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    started.clear();
  }

  @Test
  void aSingleMultiLineCsvIsScoredOnEveryWorkerWithTheCliScores() throws Exception {
    Map<String, String[]> rows = rows();
    Path run = Files.createDirectories(root.resolve("csv-run"));
    Path in = run.resolve("posts.csv");
    try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(in), CSVFormat.RFC4180)) {
      p.printRecord("id", "author", "body");
      for (Map.Entry<String, String[]> e : rows.entrySet()) {
        p.printRecord(e.getKey(), e.getValue()[0], e.getValue()[1]);
      }
    }
    String summary = submit(run, "--input", in.toString(), "--input-format", "csv",
        "--text-column", "body", "--output", run.resolve("out").toString());
    check(summary, rows, run.resolve("out"));
  }

  @Test
  void jsonLinesAreScoredOnEveryWorkerWithTheCliScores() throws Exception {
    Map<String, String[]> rows = rows();
    Path run = Files.createDirectories(root.resolve("jsonl-run"));
    Path in = run.resolve("posts.jsonl");
    try (var w = Files.newBufferedWriter(in)) {
      for (Map.Entry<String, String[]> e : rows.entrySet()) {
        ObjectNode o = JSON.createObjectNode().put("id", e.getKey())
            .put("author", e.getValue()[0]).put("body", e.getValue()[1]);
        w.write(JSON.writeValueAsString(o));
        w.write('\n');
      }
    }
    String summary = submit(run, "--input", in.toString(), "--input-format", "jsonl",
        "--text-column", "body", "--partitions", "4", "--output", run.resolve("out").toString());
    check(summary, rows, run.resolve("out"));
  }

  /**
   * Runs ScoreJob through SparkSubmit in client mode, in {@code dir}, with the model copied
   * there and named relatively; returns the job's summary line. JSON output, for full doubles.
   */
  static String submit(Path dir, String... jobArgs) throws Exception {
    Files.copy(MODEL, dir.resolve("model.zip"));
    List<String> args = new ArrayList<>(List.of("--master", masterUrl, "--deploy-mode", "client",
        "--class", ScoreJob.class.getName(), "--jars", String.join(",", appJars),
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
        "--conf", "spark.ui.enabled=false", "--conf", "spark.executor.cores=1",
        "--conf", "spark.cores.max=2", "--conf", "spark.executor.memory=512m",
        // Start the job only when both workers' executors are there, so both can get tasks.
        "--conf", "spark.scheduler.minRegisteredResourcesRatio=1.0",
        "--conf", "spark.scheduler.maxRegisteredResourcesWaitingTime=" + PROCESS_TIMEOUT_S + "s",
        "--conf", "spark.executor.extraJavaOptions=" + String.join(" ", LEAN_JVM) + " " + log4j(),
        "--conf", "spark.local.dir=" + dir.resolve("local"),
        appJar.toString()));
    args.addAll(List.of(jobArgs));
    args.addAll(List.of("--output-format", "json", "--model", "model.zip"));
    long t0 = System.nanoTime();
    Process driver = start("driver", dir, "org.apache.spark.deploy.SparkSubmit",
        args.toArray(String[]::new));
    if (!driver.waitFor(PROCESS_TIMEOUT_S, TimeUnit.SECONDS)) {
      fail("the job did not finish in " + PROCESS_TIMEOUT_S + " s; driver log:\n" + log(dir, "driver"));
    }
    String log = log(dir, "driver");
    assertEquals(0, driver.exitValue(), log);
    System.out.printf("cluster job in %s: %.1f s%n", dir.getFileName(),
        (System.nanoTime() - t0) / 1e9);
    return log.lines().filter(l -> l.startsWith("trollscan: ")).findFirst()
        .orElseThrow(() -> new AssertionError("no summary line:\n" + log));
  }

  /** Every row written once with the CLI's scores; every worker ran scoring tasks. */
  static void check(String summary, Map<String, String[]> rows, Path out) throws IOException {
    assertTrue(summary.contains(String.format("%,d rows read, %,d written, 0 malformed",
        rows.size(), rows.size())), summary);
    Scorer cli = new Scorer(BundleIO.load(MODEL));
    Map<String, JsonNode> written = new HashMap<>();
    try (Stream<Path> parts = Files.list(out)) {
      for (Path part : parts.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
        for (String line : Files.readAllLines(part)) {
          JsonNode n = JSON.readTree(line);
          assertEquals(null, written.put(n.get("id").asText(), n), "twice: " + line);
        }
      }
    }
    assertEquals(rows.keySet(), written.keySet());
    for (Map.Entry<String, JsonNode> e : written.entrySet()) {
      Score s = cli.score(rows.get(e.getKey())[1], true);
      assertEquals(s.probabilities().get(Label.HARASSMENT),
          e.getValue().get("harassment").asDouble(), 1e-9, e.getKey());
      assertEquals(s.probabilities().get(Label.FALSE_REPORT),
          e.getValue().get("false_report").asDouble(), 1e-9, e.getKey());
      List<String> flagged = new ArrayList<>();
      e.getValue().get("flagged").forEach(f -> flagged.add(f.asText()));
      assertEquals(s.flagged().stream().map(Label::column).toList(), flagged, e.getKey());
    }
    Matcher app = Pattern.compile("application (\\S+)").matcher(summary);
    assertTrue(app.find(), summary);
    Matcher tasks = Pattern.compile("tasks per executor id: ([^)]*)\\)").matcher(summary);
    assertTrue(tasks.find(), summary);
    Map<String, Integer> byExecutor = new HashMap<>();
    for (String pair : tasks.group(1).split(", ")) {
      String[] kv = pair.split(": ");
      byExecutor.put(kv[0], Integer.parseInt(kv[1]));
    }
    // A worker runs an application's executor N in WORK_DIR/APP_ID/N.
    for (Path workDir : workDirs) {
      File[] executors = workDir.resolve(app.group(1)).toFile().listFiles(File::isDirectory);
      assertTrue(executors != null && executors.length > 0, workDir + " ran no executor");
      int ran = 0;
      for (File e : executors) {
        ran += byExecutor.getOrDefault(e.getName(), 0);
      }
      assertTrue(ran > 0, workDir + " ran no scoring task: " + summary);
    }
  }

  /** Id to (author, text): the labelled corpus' posts, some joined into multi-line posts. */
  static Map<String, String[]> rows() throws IOException {
    List<String> texts = new ArrayList<>();
    for (String split : List.of("train", "dev", "test")) {
      try (Reader r = Files.newBufferedReader(Path.of("../samples/corpus/" + split + ".csv"))) {
        for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .get().parse(r)) {
          texts.add(rec.get("text"));
        }
      }
    }
    Map<String, String[]> rows = new LinkedHashMap<>();
    for (int i = 0; i < ROWS; i++) {
      String text = texts.get(i % texts.size());
      if (i % 7 == 3) {
        text = text + "\n\n\"" + texts.get((i * 31) % texts.size()) + "\", she said";
      }
      rows.put(String.format("p%05d", i + 1), new String[] {"user" + (i % 97), text});
    }
    return rows;
  }

  static Process start(String name, Path dir, String mainClass, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add(name.equals("driver") ? "-Xmx512m" : "-Xmx256m");
    cmd.addAll(List.of(LEAN_JVM));
    cmd.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
    cmd.add(log4j());
    cmd.add("-cp");
    cmd.add(sparkHome.resolve("jars") + File.separator + "*");
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("SPARK_LOCAL_HOSTNAME", "127.0.0.1");
    env.put("JAVA_HOME", System.getProperty("java.home"));
    Process p = pb.start();
    synchronized (StandaloneClusterTest.class) {
      started.add(p);
    }
    return p;
  }

  static String log4j() {
    return "-Dlog4j2.configurationFile="
        + Path.of("target", "test-classes", "log4j2.properties").toAbsolutePath().toUri();
  }

  static String log(Path dir, String name) throws IOException {
    Path f = dir.resolve(name + ".log");
    return Files.exists(f) ? Files.readString(f) : "(no " + f + ")";
  }

  static void waitForPort(int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROCESS_TIMEOUT_S);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    fail("the master did not open port " + port + ":\n" + log(root, "master"));
  }

  /**
   * Splits the test classpath: Spark and its dependencies become SPARK_HOME/jars (symlinks);
   * trollscan, its own dependencies and target/classes (as a jar) are the application.
   */
  static void classpaths() throws IOException {
    String cp = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    sparkHome = Files.createDirectories(root.resolve("spark-home"));
    Path jars = Files.createDirectories(sparkHome.resolve("jars"));
    appJars = new ArrayList<>();
    for (String entry : cp.split(File.pathSeparator)) {
      Path p = Path.of(entry).toAbsolutePath();
      String s = p.toString().replace(File.separatorChar, '/');
      if (!s.endsWith(".jar") || s.contains("/org/junit/") || s.contains("/org/opentest4j/")
          || s.contains("/org/apiguardian/") || s.contains("/net/jqwik/")) {
        continue;
      }
      if (s.contains("/org/trollscan/") || s.contains("/org/apache/opennlp/")
          || s.contains("/org/apache/commons/commons-csv/") || s.contains("/info/picocli/")) {
        appJars.add(p.toString());
      } else {
        Path link = jars.resolve(p.getFileName());
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.createSymbolicLink(link, p);
        }
      }
    }
    assertFalse(appJars.isEmpty(), "no trollscan jar on the test classpath: " + cp);
    appJar = root.resolve("trollscan-spark-app.jar");
    Path classes = Path.of("target", "classes").toAbsolutePath();
    try (OutputStream o = Files.newOutputStream(appJar);
        JarOutputStream jar = new JarOutputStream(o);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        jar.putNextEntry(new JarEntry(classes.relativize(f).toString()
            .replace(File.separatorChar, '/')));
        jar.write(Files.readAllBytes(f));
        jar.closeEntry();
      }
    }
  }

  /** Deletes a folder of this test's own making, never following a symlink out of it. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
