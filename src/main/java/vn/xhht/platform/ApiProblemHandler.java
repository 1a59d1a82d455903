package vn.xhht.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;

import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;

/** REST errors as RFC 9457 problem+json; a validation problem names each field in {@code errors}. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler {

    private final MessageSource messages;

    ApiProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputProblem.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputProblem e) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (InvalidInputProblem.Violation v : e.violations()) {
            errors.add(Map.of("field", v.field(), "message", text(v.messageKey(), v.args())));
        }
        return badRequest(errors);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> beanValidation(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError fe : e.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", fe.getField(),
                    "message", messages.getMessage(fe, LocaleContextHolder.getLocale())));
        }
        return badRequest(errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(List.of(Map.of("field", e.getName(), "message", text("error.badValue", e.getName()))));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return badRequest(List.of(Map.of("field", "body", "message", text("error.badJson"))));
    }

    @ExceptionHandler(AccessDeniedProblem.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedProblem e) {
        return problem(HttpStatus.FORBIDDEN, text(e.messageKey()));
    }

    @ExceptionHandler(NotFoundProblem.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundProblem e) {
        return problem(HttpStatus.NOT_FOUND, text(e.messageKey(), e.args()));
    }

    @ExceptionHandler(vn.xhht.shared.TooManyRequestsProblem.class)
    ResponseEntity<ProblemDetail> tooMany(vn.xhht.shared.TooManyRequestsProblem e) {
        return problem(HttpStatus.TOO_MANY_REQUESTS, text("error.tooManyRequests"));
    }

    @ExceptionHandler(ConcurrentEditProblem.class)
    ResponseEntity<ProblemDetail> conflict(ConcurrentEditProblem e) {
        return problem(HttpStatus.CONFLICT, text("error.concurrentEdit"));
    }

    private ResponseEntity<ProblemDetail> badRequest(List<Map<String, String>> errors) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.isEmpty() ? text("error.invalidInput") : errors.get(0).get("message"));
        pd.setTitle(text("error.invalidInput"));
        pd.setType(URI.create("https://xhht.vn/problems/invalid-input"));
        pd.setProperty("errors", errors);
        if (!errors.isEmpty()) {
            pd.setProperty("field", errors.get(0).get("field"));
        }
        return ResponseEntity.badRequest().body(pd);
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        return ResponseEntity.status(status).body(pd);
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}
