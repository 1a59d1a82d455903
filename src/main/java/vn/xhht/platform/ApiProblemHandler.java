package vn.xhht.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.web.bind.MissingServletRequestParameterException;
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
            errors.add(Map.of("field", v.field(), "message", text(v.messageKey(), labelled(v))));
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
        return badRequest(InputProblems.typeMismatch(e));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return badRequest(InputProblems.missing(e));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return badRequest(InputProblems.unreadable(e));
    }

    /** Two identical creations at the same moment: the unique key keeps one, the other is told it exists. */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, text("error.alreadyExists"));
        pd.setTitle(text("error.alreadyExists"));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(pd);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> refusedByDatabase(DataIntegrityViolationException e, HttpServletRequest request) {
        if (InputProblems.uniqueViolation(e)) {
            return duplicate(null);
        }
        return badRequest(InputProblems.refusedByDatabase(e, request).orElseThrow(() -> e));
    }

    private ResponseEntity<ProblemDetail> badRequest(InvalidInputProblem.Violation v) {
        return badRequest(List.of(Map.of("field", v.field(), "message", text(v.messageKey(), labelled(v)))));
    }

    /** The field named in a message by its Vietnamese label when there is one. */
    private Object[] labelled(InvalidInputProblem.Violation v) {
        Object[] args = v.args() == null ? new Object[0] : v.args().clone();
        if (args.length > 0 && v.field().equals(args[0])) {
            args[0] = fieldLabel(v.field());
        }
        return args;
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

    private String fieldLabel(String field) {
        return messages.getMessage("field." + field, null, field, LocaleContextHolder.getLocale());
    }
}
