package vn.xhht.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.ExternalDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.xhht.shared.PublicApi;

/**
 * What the OpenAPI document says beyond the controllers' annotations: who may call (the same rules as the
 * security configuration, through {@link PublicApi}), the errors every operation can answer (one problem+json
 * schema), and one wording for the paging parameters. Errors that depend on the operation (a stale version,
 * a file too large, too many submissions) are derived from what the operation takes.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiContract {

    static final String BASIC = "basicAuth";
    static final String SESSION = "sessionCookie";
    static final String CSRF = "csrfHeader";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    /** one description per paging parameter, whichever operation takes it */
    static final Map<String, String> PAGING = Map.of(
            "page", "Trang cần lấy, bắt đầu từ 0. / Zero-based page number.",
            "size", "Số dòng mỗi trang (1–200, mặc định 50). / Rows per page (1–200, default 50).",
            "limit", "Số dòng tối đa trả về (1–20000). / Maximum number of rows returned (1–20000).");

    @Bean
    OpenAPI xhhtOpenApi(@Value("${server.servlet.session.cookie.name:XHHT_SESSION}") String cookie) {
        return new OpenAPI()
                .info(new Info().title("XHHT API").version("v1")
                        .description("""
                                API của hệ thống quản lý giáo dục thường xuyên và xây dựng xã hội học tập. Hướng dẫn \
                                (đăng nhập, phân trang, lỗi, chính sách phiên bản): [/api](/api).

                                API of the continuing-education and learning-society system. Authentication: HTTP Basic \
                                for scripted clients, or the browser session cookie plus the CSRF header for changes. \
                                /api/v1 changes only by addition; a breaking change becomes /api/v2 and /api/v1 is kept \
                                for 12 months after that."""))
                .externalDocs(new ExternalDocumentation().url("/api")
                        .description("Hướng dẫn sử dụng API (tiếng Việt) / API guide"))
                .servers(List.of(new Server().url("/").description("Máy chủ đang phục vụ tài liệu này / This server")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Tên đăng nhập và mật khẩu của tài khoản XHHT. / XHHT username and password."))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name(cookie)
                                .description("Phiên đăng nhập của trình duyệt. / The browser session after signing in at /login."))
                        .addSecuritySchemes(CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-CSRF-TOKEN")
                                .description("Mã CSRF của trang (thẻ meta csrf-token), bắt buộc với phiên khi thay đổi dữ liệu. "
                                        + "/ The page's CSRF token (meta csrf-token), required with the session for changes.")));
    }

    @Bean
    GlobalOpenApiCustomizer xhhtContractCustomizer() {
        return OpenApiContract::customise;
    }

    static void customise(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        Map<String, Schema> problem = ModelConverters.getInstance(true).readAll(new AnnotatedType(ApiProblemSchema.class));
        problem.forEach(components::addSchemas);
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> operation(path, method, op)));
    }

    private static void operation(String path, PathItem.HttpMethod method, Operation op) {
        boolean open = PublicApi.isOpen(method.name(), path);
        boolean reading = method == PathItem.HttpMethod.GET;
        if (open) {
            op.setSecurity(new ArrayList<>());
        } else {
            SecurityRequirement session = new SecurityRequirement().addList(SESSION);
            if (!reading) {
                session.addList(CSRF);
            }
            op.setSecurity(new ArrayList<>(List.of(new SecurityRequirement().addList(BASIC), session)));
        }
        if (op.getParameters() != null) {
            for (Parameter p : op.getParameters()) {
                if ("query".equals(p.getIn()) && PAGING.containsKey(p.getName())) {
                    p.setDescription(PAGING.get(p.getName()));
                    if (p.getSchema() != null) {
                        p.getSchema().setMinimum(java.math.BigDecimal.valueOf("page".equals(p.getName()) ? 0 : 1));
                        if (!"page".equals(p.getName())) {
                            p.getSchema().setMaximum(java.math.BigDecimal.valueOf("size".equals(p.getName()) ? 200 : 20000));
                        }
                    }
                }
            }
        }
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        op.setResponses(responses);
        boolean takesInput = op.getRequestBody() != null || op.getParameters() != null && !op.getParameters().isEmpty();
        boolean byId = path.contains("{");
        boolean multipart = op.getRequestBody() != null && op.getRequestBody().getContent() != null
                && op.getRequestBody().getContent().containsKey("multipart/form-data");
        Map<String, String> errors = new LinkedHashMap<>();
        if (takesInput) {
            errors.put("400", "Dữ liệu không hợp lệ; errors nêu từng trường. / Invalid input; errors names every field at fault.");
        }
        if (!open) {
            errors.put("401", "Chưa đăng nhập. / Not signed in (HTTP Basic or session).");
            errors.put("403", "Không có quyền với đơn vị hoặc bản ghi này, hoặc thiếu mã CSRF. / Not allowed for this unit or record, or the CSRF token is missing.");
        }
        if (byId) {
            errors.put("404", "Không tìm thấy. / Not found.");
        }
        if (!reading && byId) {
            errors.put("409", "Người khác đã sửa bản ghi sau khi bạn đọc (phiên bản cũ). "
                    + "/ Someone changed the record since you read it (stale version): read it again and resend.");
        } else if (!reading && !open) {
            errors.put("409", "Bản ghi này đã có (tạo trùng cùng lúc). / The record already exists (a duplicate creation).");
        }
        if (multipart) {
            errors.put("413", "Tệp quá lớn. / The file is too large.");
        }
        if (open && !reading) {
            errors.put("429", "Gửi quá nhiều trong thời gian ngắn; thử lại sau. / Too many submissions from this address; try later.");
        }
        errors.forEach((code, text) -> {
            if (!responses.containsKey(code)) {
                responses.addApiResponse(code, problem(text));
            }
        });
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }
}
