package org.trollscan.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --quiet} prints no start and stop lines on a port it was given, and still the
 * address when {@code --port 0} chose the port (nothing else would tell it).
 */
class ServeQuietTest {
  @TempDir Path dir;

  @Test
  void quietServePrintsNothingOnAGivenPortAndTheAddressOnAChosenOne() throws Exception {
    assertEquals("", runAndStop("--port", Integer.toString(freePortNoOneElseIsGiven())));
    assertTrue(runAndStop("--port", "0").startsWith("trollscan: serving http://127.0.0.1:"));
  }

  @Test
  void aPortInUseIsAUsageErrorWhoseExitCodeTheStopHookLeavesAlone() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Path log = Files.createTempFile(dir, "stderr", ".txt");
      Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          "org.trollscan.cli.Main", "serve", "--quiet", "--model", "models/trollscan-default.zip",
          "--port", Integer.toString(taken.getLocalPort()))
          .redirectError(log.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "serve did not give up");
      assertEquals(2, p.exitValue(), Files.readString(log));
      assertTrue(Files.readString(log).contains("cannot listen on"), Files.readString(log));
    }
  }

  /**
   * A free port below the kernel's ephemeral range. A port from {@code new ServerSocket(0)} is
   * free only until it is closed: another process asking for port 0 (a second test run on the
   * machine) may be given it next, and the probe below would then see that process listen and
   * signal serve before it started (exit 143). Ports below the range are never handed out so.
   */
  private static int freePortNoOneElseIsGiven() throws Exception {
    int low = 32768;
    Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    if (Files.isReadable(range)) {
      low = Integer.parseInt(Files.readString(range).trim().split("\\s+")[0]);
    }
    java.util.Random random = new java.util.Random();
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = 10_000 + random.nextInt(Math.max(1, low - 10_000));
      try (ServerSocket probe = new ServerSocket(port)) {
        return probe.getLocalPort();
      } catch (java.io.IOException taken) {
        // in use: try another
      }
    }
    throw new IllegalStateException("no free port between 10000 and " + low);
  }

  /** Starts serve --quiet, waits until it is up, sends SIGTERM; returns its stderr. */
  private String runAndStop(String... portOption) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = Files.createTempFile(dir, "stderr", ".txt");
    List<String> command = new ArrayList<>(List.of(java, "-cp",
        System.getProperty("java.class.path"), "org.trollscan.cli.Main", "serve", "--quiet",
        "--threads", "2", "--model", "models/trollscan-default.zip"));
    command.addAll(List.of(portOption));
    Process p = new ProcessBuilder(command).redirectError(log.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      int port = Integer.parseInt(portOption[1]);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!up(port, log)) {
        assertTrue(p.isAlive(), "serve ended: " + Files.readString(log));
        assertTrue(System.nanoTime() < deadline, "serve did not come up");
        Thread.sleep(100);
      }
      // No pause: the stop hook is in place before the port opens (ServeCommand).
      new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "serve did not stop");
      assertEquals(0, p.exitValue());
      return Files.readString(log);
    } finally {
      p.destroyForcibly();
    }
  }

  /** Whether the server listens: on the given port, or (port 0) once it printed its address. */
  private static boolean up(int port, Path log) throws Exception {
    if (port == 0) {
      return Files.readString(log).contains("\n");
    }
    // The strictest supervisor: it signals as soon as the port takes a connection.
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
      return true;
    } catch (java.net.ConnectException e) {
      return false;
    }
  }
}
