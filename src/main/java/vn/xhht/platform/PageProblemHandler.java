package vn.xhht.platform;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.NotFoundProblem;

/** Friendly Vietnamese pages for errors raised by page controllers. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblemHandler {

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

    private static ModelAndView page(String view, HttpStatus status, String key, Object[] args) {
        ModelAndView mav = new ModelAndView(view);
        mav.setStatus(status);
        mav.addObject("messageKey", key);
        mav.addObject("messageArgs", args);
        return mav;
    }
}
