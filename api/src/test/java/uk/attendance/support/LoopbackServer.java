package uk.attendance.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A provider's API faked on 127.0.0.1 for the real SDK to talk to; it records what it received. */
public abstract class LoopbackServer<R> implements AutoCloseable {
    static {
        // The JDK server writes a response's headers and body separately; with Nagle on, the body waits for the
        // client's delayed ACK of the headers (~40 ms a request on Linux loopback), which swamps any timing taken
        // against a fake. Read once per JVM, before the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final List<R> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private ExecutorService threads;

    /** Starts listening; call once the subclass is fully built. */
    protected final void listen() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", this::handle);
            // concurrent senders are answered concurrently, as by the real provider
            threads = Executors.newCachedThreadPool(task -> {
                Thread t = new Thread(task, getClass().getSimpleName() + "-" + server.getAddress().getPort());
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(threads);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected abstract void handle(HttpExchange exchange) throws IOException;

    protected final void record(R request) {
        received.add(request);
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forgets what was received (tests sharing one fake start clean). */
    protected void forget() {
        received.clear();
    }

    public List<R> requests() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
