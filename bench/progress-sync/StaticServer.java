import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling of module reads: the HTTP stack the service runs on (Vert.x core and Vert.x Web's StaticHandler, the
 * handler Quarkus serves META-INF/resources with, from the jars of the packaged service) serving a directory of
 * static files, with as many event loops as Quarkus starts (2 per core). No routing framework, no authentication,
 * no JSON: what answering GETs of those bytes costs on this machine.
 *
 * <pre>java -cp classes:target/quarkus-app/lib/main/* StaticServer --dir DIR --port PORT [--event-loops N]</pre>
 *
 * Files are under /static/; StaticHandler answers If-Modified-Since with 304 from its cached file properties.
 * Prints "READY" when listening and runs until killed.
 */
public class StaticServer {

    public static void main(String[] args) throws Exception {
        String dir = null;
        int port = 0;
        int loops = 2 * Runtime.getRuntime().availableProcessors();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--dir" -> dir = args[i + 1];
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--event-loops" -> loops = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (dir == null || port == 0) {
            throw new IllegalArgumentException("--dir and --port are required");
        }
        String root = dir;
        int listen = port;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        CompletableFuture<String> deployed = new CompletableFuture<>();
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start(Promise<Void> started) {
                Router router = Router.router(vertx);
                router.route("/static/*").handler(StaticHandler.create(FileSystemAccess.ROOT, root)
                        .setCachingEnabled(true).setFilesReadOnly(true).setDirectoryListing(false));
                vertx.createHttpServer().requestHandler(router).listen(listen, "127.0.0.1")
                        .onSuccess(s -> started.complete()).onFailure(started::fail);
            }
        }, new DeploymentOptions().setInstances(loops)).onComplete(r -> {
            if (r.succeeded()) {
                deployed.complete(r.result());
            } else {
                deployed.completeExceptionally(r.cause());
            }
        });
        deployed.get(60, TimeUnit.SECONDS);
        System.out.println("READY " + loops + " event loops on 127.0.0.1:" + port);
    }
}
