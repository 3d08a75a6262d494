package org.trollscan.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code trollscan serve} process gets SIGTERM (or SIGINT) while a request is in flight:
 * the request is answered, new connections are refused, the process exits 0, and nothing it
 * printed contains the request's text.
 */
class ServeSignalTest {
  @TempDir Path dir;

  @Test
  void sigtermLetsTheRequestInFlightFinishAndExitsZero() throws Exception {
    stopsCleanlyOn("TERM");
  }

  @Test
  void sigintDoesTheSame() throws Exception {
    stopsCleanlyOn("INT");
  }

  private void stopsCleanlyOn(String signal) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = dir.resolve("stderr.txt");
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "org.trollscan.cli.Main", "serve", "--port", "0", "--threads", "2",
        "--model", "models/trollscan-default.zip")
        .redirectError(log.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      int port = awaitPort(p, log);
      String secret = "ring social services on her zqxjv";
      byte[] body = ("{\"text\": \"" + secret + "\"}").getBytes(StandardCharsets.UTF_8);
      int polls;
      try (Socket s = new Socket("127.0.0.1", port)) {
        s.setSoTimeout(30_000);
        OutputStream out = s.getOutputStream();
        out.write(("POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, 5); // the request's body half sent
        out.flush();
        polls = awaitInFlight(port, 2); // this request and the metrics request asking
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!refused(port)) {
          assertTrue(System.nanoTime() < deadline, "still accepting connections while stopping");
          Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "it must wait for the request in flight");
        out.write(body, 5, body.length - 5);
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
            StandardCharsets.UTF_8));
        String status = in.readLine();
        assertTrue(status != null && status.startsWith("HTTP/1.1 200"), status);
      }
      assertTrue(p.waitFor(15, TimeUnit.SECONDS), "serve did not stop");
      assertEquals(0, p.exitValue());
      String err = Files.readString(log);
      assertTrue(err.contains("trollscan: stopped after " + (polls + 1) + " requests"), err);
      assertFalse(err.contains("zqxjv"), "request text must never be logged: " + err);
    } finally {
      p.destroyForcibly();
    }
  }

  /**
   * Waits until the server's in-flight gauge reaches {@code n}, so a request is really held;
   * returns how many metrics requests that took.
   */
  private static int awaitInFlight(int port, int n) throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    Pattern gauge = Pattern.compile("(?m)^trollscan_requests_in_flight (\\d+)$");
    for (int polls = 1; ; polls++) {
      String metrics = http.send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).body();
      Matcher m = gauge.matcher(metrics);
      if (m.find() && Integer.parseInt(m.group(1)) >= n) {
        return polls;
      }
      assertTrue(System.nanoTime() < deadline, "the request never got in flight: " + metrics);
      Thread.sleep(20);
    }
  }

  private static boolean refused(int port) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return false;
    } catch (ConnectException e) {
      return true;
    }
  }

  private static int awaitPort(Process p, Path log) throws Exception {
    Pattern serving = Pattern.compile("serving http://127\\.0\\.0\\.1:(\\d+)");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && p.isAlive()) {
      Matcher m = serving.matcher(Files.exists(log) ? Files.readString(log) : "");
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("serve did not start: " + Files.readString(log));
  }
}
