package org.trollscan.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.trollscan.language.LanguageGuess;
import org.trollscan.model.BundleIO;
import org.trollscan.model.Scorer;

/**
 * The server candidate measured against the JDK's own (bench/serve-candidates.sh): Jetty 12
 * answering comments:analyze with the same PerspectiveApi code, to see what the HTTP layer
 * costs. Not part of the build. Usage: JettyCandidate PORT THREADS
 */
public final class JettyCandidate {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int threads = Integer.parseInt(args[1]);
    PerspectiveApi api = new PerspectiveApi(new Scorer(BundleIO.loadDefault()),
        AttributeMap.defaults(), LanguageGuess.loadInBackground(), new Metrics());
    QueuedThreadPool pool = new QueuedThreadPool(threads + 4, threads + 4);
    Server server = new Server(pool);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback)
          throws Exception {
        String body = Content.Source.asString(request, java.nio.charset.StandardCharsets.UTF_8);
        JsonNode out = api.analyze(ScoringServer.JSON.readTree(body));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(ScoringServer.JSON.writeValueAsBytes(out)), callback);
        return true;
      }
    });
    server.start();
    System.err.println("jetty candidate serving on " + port);
    server.join();
  }
}
