package org.trollscan.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.trollscan.model.Label;
import org.trollscan.model.Score;

/**
 * 16 clients, each with its own connection, send 1,000 requests each, alternating the native
 * and the Perspective endpoint over a mix of posts; every answer must be the scorer's own.
 */
class ConcurrentClientsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int CLIENTS = 16;
  static final int REQUESTS = 1_000;
  static final List<String> POSTS = List.of(
      "someone ring social services on her",
      "lovely weather today, see you all at the meetup",
      "she is a vile cow and everyone should tell her boss",
      "R3PORT h3r to the c0uncil!!! 😡",
      "&quot;ring social services on her&quot; is a vile thing to write",
      "tip off HMRC about his cash jobs, that will teach him",
      "thanks for the recipe, it worked perfectly",
      "you pathetic worthless idiot");

  @Test
  void sixteenClientsTimesAThousandRequestsAllGetTheRightAnswer() throws Exception {
    List<Score> expected = POSTS.stream().map(p -> TestServer.SCORER.score(p, true)).toList();
    try (TestServer server = new TestServer(ServeConfig.defaults(0, 4))) {
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      AtomicInteger right = new AtomicInteger();
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        clients.add(pool.submit(() -> {
          HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
          for (int i = 0; i < REQUESTS; i++) {
            int k = (client + i) % POSTS.size();
            boolean perspective = i % 2 == 1;
            String text = JSON.writeValueAsString(POSTS.get(k));
            String body = perspective
                ? "{\"comment\": {\"text\": " + text + "}, \"requestedAttributes\": "
                    + "{\"TOXICITY\": {}, \"FALSE_REPORT\": {}}, \"languages\": [\"en\"]}"
                : "{\"id\": \"c" + client + "-" + i + "\", \"text\": " + text + "}";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.uri(perspective
                    ? "/v1alpha1/comments:analyze" : "/v1/score"))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            JsonNode a = JSON.readTree(r.body());
            Score want = expected.get(k);
            if (perspective) {
              assertEquals(want.probabilities().get(Label.HARASSMENT),
                  a.at("/attributeScores/TOXICITY/summaryScore/value").doubleValue(), 1e-9);
              assertEquals(want.probabilities().get(Label.FALSE_REPORT),
                  a.at("/attributeScores/FALSE_REPORT/summaryScore/value").doubleValue(), 1e-9);
            } else {
              assertEquals("c" + client + "-" + i, a.get("id").textValue());
              for (Label l : Label.values()) {
                assertEquals(want.probabilities().get(l), a.get(l.column()).doubleValue(), 1e-9);
              }
              for (Label l : want.flagged()) {
                List<String> phrases = new ArrayList<>();
                a.get(l.column() + "_evidence").forEach(e -> phrases.add(e.get("phrase")
                    .textValue()));
                assertEquals(want.evidence().get(l), phrases);
              }
            }
            right.incrementAndGet();
          }
          return null;
        }));
      }
      for (Future<?> f : clients) {
        f.get();
      }
      pool.shutdown();
      assertEquals(CLIENTS * REQUESTS, right.get());
      assertEquals(CLIENTS * REQUESTS, server.server.answered());
    }
  }
}
