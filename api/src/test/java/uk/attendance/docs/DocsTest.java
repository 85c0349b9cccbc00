package uk.attendance.docs;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class DocsTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void theRunningAppServesTheContractItWasBuiltFrom() throws Exception {
        String served = http.toBlocking().retrieve(HttpRequest.GET("/openapi.yaml"));
        Path source = Files.exists(Path.of("openapi.yaml")) ? Path.of("openapi.yaml") : Path.of("..", "openapi.yaml");
        assertEquals(Files.readString(source), served);
    }

    @Test
    void docsIsABrowsableSwaggerUiWithItsAssets() {
        String page = http.toBlocking().retrieve(HttpRequest.GET("/docs"));
        assertTrue(page.contains("SwaggerUIBundle") && page.contains("/openapi.yaml"), page);
        var bundle = http.toBlocking().exchange(HttpRequest.GET("/docs/ui/swagger-ui-bundle.js"), byte[].class);
        assertEquals(200, bundle.code());
        assertTrue(bundle.body().length > 100_000);
        assertEquals(200, http.toBlocking().exchange(HttpRequest.GET("/docs/ui/swagger-ui.css"), String.class).code());
    }
}
