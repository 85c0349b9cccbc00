package uk.attendance.docs;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Serves the contract and a Swagger UI page over it. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class DocsController {
    private final String contract;
    private final String page;

    DocsController(ResourceResolver resources) {
        this.contract = read(resources, "classpath:contract/openapi.yaml");
        this.page = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>School Attendance API</title>
                  <link rel="stylesheet" href="/docs/ui/swagger-ui.css">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="/docs/ui/swagger-ui-bundle.js"></script>
                  <script>
                    window.ui = SwaggerUIBundle({url: '/openapi.yaml', dom_id: '#swagger-ui', persistAuthorization: true});
                  </script>
                </body>
                </html>
                """;
    }

    @Get("/openapi.yaml")
    @Produces("application/yaml")
    String contract() {
        return contract;
    }

    @Get("/docs")
    @Produces(MediaType.TEXT_HTML)
    String docs() {
        return page;
    }

    @Get("/")
    HttpResponse<?> home() {
        return HttpResponse.seeOther(URI.create("/docs"));
    }

    private static String read(ResourceResolver resources, String path) {
        try (InputStream in = resources.getResourceAsStream(path)
                .orElseThrow(() -> new IllegalStateException(path + " is missing from the build"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
