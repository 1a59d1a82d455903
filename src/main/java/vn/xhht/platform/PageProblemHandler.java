package vn.xhht.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;

/** Friendly Vietnamese pages for errors raised by page controllers. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblemHandler {

    private final MessageSource messages;

    PageProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(AccessDeniedProblem.class)
    ModelAndView forbidden(AccessDeniedProblem e) {
        return page("error/403", HttpStatus.FORBIDDEN, e.messageKey(), null);
    }

    @ExceptionHandler(NotFoundProblem.class)
    ModelAndView notFound(NotFoundProblem e) {
        return page("error/404", HttpStatus.NOT_FOUND, e.messageKey(), e.args());
    }

    @ExceptionHandler(vn.xhht.shared.TooManyRequestsProblem.class)
    ModelAndView tooMany(vn.xhht.shared.TooManyRequestsProblem e) {
        return page("error/429", HttpStatus.TOO_MANY_REQUESTS, "error.tooManyRequests", null);
    }

    @ExceptionHandler(ConcurrentEditProblem.class)
    ModelAndView conflict(ConcurrentEditProblem e) {
        return page("error/409", HttpStatus.CONFLICT, "error.concurrentEdit", null);
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(Exception e) {
        return page("error/413", HttpStatus.CONTENT_TOO_LARGE, "error.413.text", null);
    }

    /** Input refused before a form could show it next to its field: a 400 page that names each field. */
    @ExceptionHandler(InvalidInputProblem.class)
    ModelAndView invalid(InvalidInputProblem e) {
        return badRequest(e.violations());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(List.of(InputProblems.typeMismatch(e)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e) {
        return badRequest(List.of(InputProblems.missing(e)));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ModelAndView unreadable(HttpMessageNotReadableException e) {
        return badRequest(List.of(InputProblems.unreadable(e)));
    }

    /** A form bound to a record whose field could not be read (a date that does not exist, text for a number). */
    @ExceptionHandler(BindException.class)
    ModelAndView binding(BindException e) {
        List<InvalidInputProblem.Violation> v = new ArrayList<>();
        for (FieldError fe : e.getFieldErrors()) {
            boolean range = String.valueOf(fe.contains(TypeMismatchException.class) ? fe.unwrap(TypeMismatchException.class).getMostSpecificCause().getMessage() : "")
                    .contains(InputGuard.DATE_RANGE);
            v.add(range ? InputProblems.dateRange(fe.getField()) : new InvalidInputProblem.Violation(fe.getField(), "error.badValue", fe.getField()));
        }
        return badRequest(v);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ModelAndView duplicate(DuplicateKeyException e) {
        return page("error/409", HttpStatus.CONFLICT, "error.alreadyExists", null);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ModelAndView refusedByDatabase(DataIntegrityViolationException e, HttpServletRequest request) {
        if (InputProblems.uniqueViolation(e)) {
            return duplicate(null);
        }
        return badRequest(List.of(InputProblems.refusedByDatabase(e, request).orElseThrow(() -> e)));
    }

    private ModelAndView badRequest(List<InvalidInputProblem.Violation> violations) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> lines = new ArrayList<>();
        for (InvalidInputProblem.Violation v : violations) {
            Object[] args = v.args() == null ? new Object[0] : v.args().clone();
            String label = messages.getMessage("field." + v.field(), null, v.field(), locale);
            if (args.length > 0 && v.field().equals(args[0])) {
                args[0] = label;
            }
            String text = messages.getMessage(v.messageKey(), args, v.messageKey(), locale);
            // a rule's own message may not say which field it is about
            lines.add(text.contains(label) || "body".equals(v.field()) ? text : label + ": " + text);
        }
        ModelAndView mav = new ModelAndView("error/400");
        mav.setStatus(HttpStatus.BAD_REQUEST);
        mav.addObject("problems", lines);
        return mav;
    }

    private static ModelAndView page(String view, HttpStatus status, String key, Object[] args) {
        ModelAndView mav = new ModelAndView(view);
        mav.setStatus(status);
        mav.addObject("messageKey", key);
        mav.addObject("messageArgs", args);
        return mav;
    }
}
