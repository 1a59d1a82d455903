package vn.xhht.platform;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import tools.jackson.databind.DatabindException;
import vn.xhht.shared.InvalidInputProblem.Violation;

/**
 * The failures of reading user input, turned into violations that name the field — shared by the API's
 * problem+json and the pages' 400 page. Only specific failures are mapped; anything else stays a 500 so that
 * real bugs are seen.
 */
final class InputProblems {
    private InputProblems() {
    }

    private static final Logger log = LoggerFactory.getLogger(InputProblems.class);
    private static final Pattern VARCHAR = Pattern.compile("character varying\\((\\d+)\\)");

    static Violation typeMismatch(MethodArgumentTypeMismatchException e) {
        boolean range = causeMessage(e).contains(InputGuard.DATE_RANGE);
        return range ? dateRange(e.getName()) : new Violation(e.getName(), "error.badValue", e.getName());
    }

    static Violation missing(MissingServletRequestParameterException e) {
        return new Violation(e.getParameterName(), "error.required", e.getParameterName());
    }

    static Violation unreadable(HttpMessageNotReadableException e) {
        Throwable t = e;
        while (t != null && !(t instanceof DatabindException)) {
            t = t.getCause();
        }
        if (t instanceof DatabindException d && !d.getPath().isEmpty()) {
            StringBuilder field = new StringBuilder();
            for (DatabindException.Reference r : d.getPath()) {
                if (r.getPropertyName() != null) {
                    field.append(field.isEmpty() ? "" : ".").append(r.getPropertyName());
                } else if (r.getIndex() >= 0) {
                    field.append('[').append(r.getIndex()).append(']');
                }
            }
            String name = field.toString();
            String message = String.valueOf(d.getOriginalMessage());
            if (message.startsWith(InputGuard.CONTROL_CHARACTER)) {
                return new Violation(name, "error.controlCharacter", name);
            }
            if (message.startsWith(InputGuard.DATE_RANGE)) {
                return dateRange(name);
            }
            return new Violation(name, "error.badValue", name);
        }
        return new Violation("body", "error.badJson");
    }

    static Violation dateRange(String field) {
        return new Violation(field, "error.dateRange", field, vn.xhht.shared.InputRules.EARLIEST_DATE.getYear(),
                vn.xhht.shared.InputRules.latestDate().getYear());
    }

    /**
     * The database refused a value that the rules before it did not catch (a text longer than its column, a number
     * beyond its column's precision, a broken check constraint): that is bad input, answered 400. Each is logged so
     * that the missing rule can be added where the field is read.
     */
    static Optional<Violation> refusedByDatabase(DataIntegrityViolationException e, HttpServletRequest request) {
        String state = sqlState(e);
        if (state == null) {
            return Optional.empty();
        }
        String detail = String.valueOf(e.getMostSpecificCause().getMessage());
        switch (state) {
            case "22001": {
                Matcher m = VARCHAR.matcher(detail);
                int max = m.find() ? Integer.parseInt(m.group(1)) : 0;
                String field = longerThan(request, max);
                log.warn("Text longer than its column ({}) reached the database: {} {} field {}", max, request.getMethod(),
                        request.getRequestURI(), field);
                return Optional.of(new Violation(field, "error.tooLongField", field, max));
            }
            case "22003":
                log.warn("Number beyond its column reached the database: {} {}", request.getMethod(), request.getRequestURI());
                return Optional.of(new Violation(largestNumber(request), "error.numberTooLarge", largestNumber(request)));
            case "23514":
            case "23502":
            case "22007":
            case "22008":
                log.warn("Input refused by the database ({}): {} {}: {}", state, request.getMethod(), request.getRequestURI(), detail);
                return Optional.of(new Violation("body", "error.invalidValue"));
            default:
                return Optional.empty();
        }
    }

    static boolean uniqueViolation(DataIntegrityViolationException e) {
        return "23505".equals(sqlState(e));
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static String longerThan(HttpServletRequest request, int max) {
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            for (String v : p.getValue()) {
                if (v != null && v.strip().length() > max) {
                    return p.getKey();
                }
            }
        }
        Object json = request.getAttribute(InputGuard.LONG_TEXTS);
        if (json instanceof Map<?, ?> seen) {
            for (Map.Entry<String, Integer> e : ((Map<String, Integer>) seen).entrySet()) {
                if (e.getValue() > max) {
                    return e.getKey();
                }
            }
        }
        return "body";
    }

    private static String largestNumber(HttpServletRequest request) {
        String best = "body";
        int digits = 0;
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            for (String v : p.getValue()) {
                if (v != null && v.strip().matches("[-+]?[0-9.,eE+]+") && v.strip().length() > digits) {
                    best = p.getKey();
                    digits = v.strip().length();
                }
            }
        }
        return best;
    }

    private static String causeMessage(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getMessage()).append(' ');
        }
        return b.toString();
    }

    static List<Violation> one(Violation v) {
        return List.of(v);
    }
}
