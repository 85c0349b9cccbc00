package uk.attendance.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A provider's API faked on 127.0.0.1 for the real SDK to talk to; it records what it received. */
public abstract class LoopbackServer<R> implements AutoCloseable {
    private final List<R> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    /** Starts listening; call once the subclass is fully built. */
    protected final void listen() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", this::handle);
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
    }
}
