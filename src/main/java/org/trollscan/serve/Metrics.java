package org.trollscan.serve;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.trollscan.model.Label;

/**
 * The service's counters, rendered in Prometheus' text exposition format (version 0.0.4):
 * requests by endpoint and status code, posts scored, posts flagged per label, and a histogram
 * of request latency. Lock-free: every worker thread updates them.
 */
final class Metrics {
  /** Latency buckets, in seconds (Prometheus' {@code le}). */
  static final double[] BUCKETS = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final LongAdder posts = new LongAdder();
  private final Map<Label, LongAdder> flagged = new ConcurrentHashMap<>();
  private final LongAdder[] latencyBuckets = new LongAdder[BUCKETS.length];
  private final LongAdder latencyCount = new LongAdder();
  private final java.util.concurrent.atomic.DoubleAdder latencySum =
      new java.util.concurrent.atomic.DoubleAdder();

  Metrics() {
    for (int i = 0; i < BUCKETS.length; i++) {
      latencyBuckets[i] = new LongAdder();
    }
    for (Label l : Label.values()) {
      flagged.put(l, new LongAdder());
    }
  }

  /** One answered request; {@code endpoint} is a known path or "other", never a client's. */
  void request(String endpoint, int code, long nanos) {
    requests.computeIfAbsent(endpoint + '\u0000' + code, k -> new LongAdder()).increment();
    double seconds = nanos / 1e9;
    for (int i = 0; i < BUCKETS.length; i++) {
      if (seconds <= BUCKETS[i]) {
        latencyBuckets[i].increment();
      }
    }
    latencyCount.increment();
    latencySum.add(seconds);
  }

  void scored(java.util.List<Label> flaggedLabels) {
    posts.increment();
    for (Label l : flaggedLabels) {
      flagged.get(l).increment();
    }
  }

  /** The Prometheus text; {@code inFlight} counts the connections being answered, this one too. */
  String render(int inFlight) {
    StringBuilder b = new StringBuilder(2048);
    b.append("# HELP trollscan_requests_in_flight Requests being read or answered now, this one "
        + "included.\n");
    b.append("# TYPE trollscan_requests_in_flight gauge\n");
    b.append("trollscan_requests_in_flight ").append(inFlight).append('\n');
    b.append("# HELP trollscan_requests_total HTTP requests answered, by endpoint and code.\n");
    b.append("# TYPE trollscan_requests_total counter\n");
    new java.util.TreeMap<>(requests).forEach((key, n) -> {
      int cut = key.indexOf('\u0000');
      b.append("trollscan_requests_total{endpoint=\"").append(key, 0, cut)
          .append("\",code=\"").append(key.substring(cut + 1)).append("\"} ")
          .append(n.sum()).append('\n');
    });
    b.append("# HELP trollscan_errors_total HTTP requests answered with a 4xx or 5xx code.\n");
    b.append("# TYPE trollscan_errors_total counter\n");
    java.util.Map<String, Long> errors = new java.util.TreeMap<>();
    requests.forEach((key, n) -> {
      String code = key.substring(key.indexOf('\u0000') + 1);
      if (code.charAt(0) >= '4') {
        errors.merge(code, n.sum(), Long::sum);
      }
    });
    errors.forEach((code, n) ->
        b.append("trollscan_errors_total{code=\"").append(code).append("\"} ").append(n)
            .append('\n'));
    b.append("# HELP trollscan_posts_scored_total Posts scored.\n");
    b.append("# TYPE trollscan_posts_scored_total counter\n");
    b.append("trollscan_posts_scored_total ").append(posts.sum()).append('\n');
    b.append("# HELP trollscan_posts_flagged_total Posts flagged, by label.\n");
    b.append("# TYPE trollscan_posts_flagged_total counter\n");
    for (Label l : Label.values()) {
      b.append("trollscan_posts_flagged_total{label=\"").append(l.column()).append("\"} ")
          .append(flagged.get(l).sum()).append('\n');
    }
    b.append("# HELP trollscan_request_duration_seconds Time from a request's arrival at a "
        + "worker to its answer.\n");
    b.append("# TYPE trollscan_request_duration_seconds histogram\n");
    for (int i = 0; i < BUCKETS.length; i++) {
      b.append("trollscan_request_duration_seconds_bucket{le=\"").append(BUCKETS[i])
          .append("\"} ").append(latencyBuckets[i].sum()).append('\n');
    }
    long count = latencyCount.sum();
    b.append("trollscan_request_duration_seconds_bucket{le=\"+Inf\"} ").append(count).append('\n');
    b.append("trollscan_request_duration_seconds_sum ").append(latencySum.sum()).append('\n');
    b.append("trollscan_request_duration_seconds_count ").append(count).append('\n');
    return b.toString();
  }
}
