package vn.xhht.platform;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of every API error as the OpenAPI document declares it (RFC 9457 problem+json). The answers
 * themselves are written by {@link ApiProblemHandler} and the security configuration; this record only names
 * the fields so that a generated client gets a typed error.
 */
@Schema(name = "Problem", description = "Lỗi theo RFC 9457 (application/problem+json). / An RFC 9457 problem; a 400 names every field at fault in errors.")
record ApiProblemSchema(
        @Schema(description = "Loại lỗi (URI). / Problem type URI; about:blank when the status says it all.",
                example = "https://xhht.vn/problems/invalid-input") String type,
        @Schema(description = "Tiêu đề ngắn. / Short title.", example = "Dữ liệu không hợp lệ") String title,
        @Schema(description = "Mã trạng thái HTTP. / HTTP status code.", example = "400", minimum = "400", maximum = "599") int status,
        @Schema(description = "Giải thích bằng tiếng Việt. / Explanation for the user, in Vietnamese.",
                example = "Ngày kết thúc không được trước ngày bắt đầu.") String detail,
        @Schema(description = "Đường dẫn của yêu cầu lỗi. / The request that failed.", nullable = true) String instance,
        @Schema(description = "Trường sai đầu tiên (chỉ với 400). / The first field at fault (400 only).", nullable = true,
                example = "endDate") String field,
        @Schema(description = "Mọi trường sai (chỉ với 400). / Every field at fault (400 only).", nullable = true)
        List<FieldError> errors) {

    @Schema(name = "FieldError", description = "Một trường sai và lời giải thích. / One field at fault and why.")
    record FieldError(
            @Schema(description = "Tên trường như trong yêu cầu (body: JSON không đọc được). / The field name as sent (body: unreadable JSON).",
                    example = "endDate", requiredMode = Schema.RequiredMode.REQUIRED) String field,
            @Schema(description = "Lời giải thích bằng tiếng Việt. / The message, in Vietnamese.",
                    example = "Ngày kết thúc không được trước ngày bắt đầu.", requiredMode = Schema.RequiredMode.REQUIRED) String message) {
    }
}
