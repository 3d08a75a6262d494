package org.trollscan.serve;

/**
 * How a {@link ScoringServer} runs.
 *
 * @param host the address to bind (loopback unless the operator says otherwise)
 * @param port the port; 0 picks a free one
 * @param threads worker threads that read requests and score
 * @param queue requests accepted but waiting for a worker; beyond it the answer is 503
 * @param maxBodyBytes a request body over this is refused with 413 without being read
 * @param maxBatch posts one {@code POST /v1/score} may carry
 * @param keys the API keys a client must present, or null for none
 * @param attributes which label answers each Perspective attribute
 */
public record ServeConfig(String host, int port, int threads, int queue, long maxBodyBytes,
    int maxBatch, ApiKeys keys, AttributeMap attributes) {

  /** Perspective's limit on a comment's length, in characters (Unicode code points). */
  public static final int MAX_TEXT_CHARS = 20_480;
  public static final long DEFAULT_MAX_BODY = 1 << 20;
  public static final int DEFAULT_MAX_BATCH = 1_000;
  public static final int DEFAULT_QUEUE = 256;

  public ServeConfig {
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535, not " + port);
    }
    if (queue < 1 || maxBodyBytes < 1 || maxBatch < 1) {
      throw new IllegalArgumentException("--queue, --max-body and --max-batch must be positive");
    }
  }

  /** Loopback, the given port, default limits, no keys, the default attribute mapping. */
  public static ServeConfig defaults(int port, int threads) {
    return new ServeConfig("127.0.0.1", port, threads, DEFAULT_QUEUE, DEFAULT_MAX_BODY,
        DEFAULT_MAX_BATCH, null, AttributeMap.defaults());
  }

  public ServeConfig withKeys(ApiKeys k) {
    return new ServeConfig(host, port, threads, queue, maxBodyBytes, maxBatch, k, attributes);
  }

  public ServeConfig withLimits(int q, long body, int batch) {
    return new ServeConfig(host, port, threads, q, body, batch, keys, attributes);
  }
}
