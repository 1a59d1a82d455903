package vn.xhht.platform;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import vn.xhht.support.Http;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed OpenAPI document (from which the build generates the Java client of ApiClientIT) is the one the
 * application serves. When the API changes, this test fails and says how to refresh the copy, so the document,
 * the client and the code cannot drift apart silently.
 */
@XhhtIntegrationTest
class OpenApiDocumentTest {

    /** the committed copy; the openapi-generator-maven-plugin in pom.xml reads it */
    static final Path COMMITTED = Path.of("src/test/resources/openapi/xhht-v1.json");
    /** where the served document is written on every run, to copy over the committed one */
    static final Path SERVED = Path.of("target/openapi/xhht-v1.json");

    @LocalServerPort
    int port;

    /** keys sorted and pretty-printed, so the committed copy diffs well and key order never matters */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    static String normalised(String json) {
        JsonNode tree = JSON.readTree(json);
        Object plain = JSON.treeToValue(tree, Object.class);
        return JSON.writeValueAsString(plain) + "\n";
    }

    @Test
    void theCommittedDocumentIsTheServedOne() throws IOException {
        HttpResponse<String> r = Http.anonymous(port).get("/v3/api-docs");
        assertThat(r.statusCode()).isEqualTo(200);
        String served = normalised(r.body());
        Files.createDirectories(SERVED.getParent());
        Files.writeString(SERVED, served);
        if (Boolean.getBoolean("xhht.openapi.refresh")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served);
        }
        String committed = Files.exists(COMMITTED) ? normalised(Files.readString(COMMITTED)) : "";
        assertThat(committed).as("""
                The OpenAPI document served at /v3/api-docs differs from the committed copy %s, from which the Java client \
                of ApiClientIT is generated. If the API change is intended (and only adds to /api/v1, see /api), refresh \
                the copy and rebuild:
                    cp %s %s
                or run: ./mvnw -o test -Dtest=OpenApiDocumentTest -Dxhht.openapi.refresh=true
                then review the diff of the committed copy like any code change.""".formatted(COMMITTED, SERVED, COMMITTED))
                .isEqualTo(served);
    }
}
