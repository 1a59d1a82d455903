package vn.xhht.reporting;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The schemas of a report field's value, which Java records cannot express: a field holds a number or a text (a
 * table is text: lines of cells), or nothing (blank is not zero). The array form of a table that the server also
 * accepts is left out of the schema because the generated Java client cannot compile a "one of" holding a nested list. Written here so that a generated client gets a typed "one of" instead of
 * a bare object, and a blank value ({@code null}) is allowed by the document, as the server answers it.
 */
@Configuration(proxyBeanMethods = false)
class ReportApiSchemas {

    static final String FIELD_INPUT = "ReportFieldInput";

    @Bean
    GlobalOpenApiCustomizer reportValueSchemas() {
        return ReportApiSchemas::customise;
    }

    static void customise(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        if (schemas.containsKey(FIELD_INPUT)) {
            schemas.put(FIELD_INPUT, new JsonSchema()
                    .description("Giá trị một chỉ tiêu: số (NUMBER, PERCENTAGE), chữ (TEXT, TABLE: các dòng cách nhau bằng xuống "
                            + "dòng, các ô bằng |; máy chủ cũng nhận bảng dạng mảng các dòng, mỗi dòng là mảng ô) hoặc null để để "
                            + "trống. / One field's value: a number, a text (a TABLE as lines of cells separated by |; the server "
                            + "also accepts an array of rows of cells) or null to leave it blank.")
                    .oneOf(List.of(number(), text(), nothing())));
        }
        Schema<?> report = schemas.get("ReportValue");
        if (report != null && report.getProperties() != null && report.getProperties().get("value") != null) {
            Schema<?> value = report.getProperties().get("value");
            report.getProperties().put("value", new JsonSchema().description(value.getDescription())
                    .oneOf(List.of(number(), text(), nothing())));
        }
    }

    private static Schema<?> number() {
        return new JsonSchema().types(Set.of("number"));
    }

    private static Schema<?> text() {
        return new JsonSchema().types(Set.of("string"));
    }

    private static Schema<?> nothing() {
        return new JsonSchema().types(Set.of("null"));
    }
}
