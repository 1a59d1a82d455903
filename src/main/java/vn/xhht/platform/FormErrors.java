package vn.xhht.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import vn.xhht.shared.InvalidInputProblem;

/** Turns a rule violation into field → message in the user's language, for showing next to each field. */
@org.springframework.modulith.NamedInterface("api")
public final class FormErrors {
    private FormErrors() {
    }

    public static Map<String, String> of(InvalidInputProblem problem, MessageSource messages) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (InvalidInputProblem.Violation v : problem.violations()) {
            errors.putIfAbsent(v.field(), messages.getMessage(v.messageKey(), v.args(), v.messageKey(), LocaleContextHolder.getLocale()));
        }
        return errors;
    }
}
