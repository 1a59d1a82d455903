package vn.xhht.platform;

import java.text.ParseException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;

/**
 * The generic input rules of {@link InputRules} applied to every request before any controller sees it: no
 * control character in any parameter or JSON text, and every date — typed in a form, given in a query or sent as
 * JSON — a real calendar date between 1900 and today + the planning horizon. A failure names the field.
 */
@Configuration(proxyBeanMethods = false)
class InputGuard implements WebMvcConfigurer {

    /** Marks the Jackson failures raised here, so the API answer says which rule and which field. */
    static final String CONTROL_CHARACTER = "control character";
    static final String DATE_RANGE = "date out of range";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ControlCharacters()).excludePathPatterns("/error");
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        // added after Boot's own date formatters, so these are tried first for LocalDate parameters and fields
        registry.addFormatter(new DateInRange());
        registry.addFormatterForFieldAnnotation(new AnnotatedDateInRange());
    }

    @Bean
    SimpleModule inputRulesJacksonModule() {
        SimpleModule module = new SimpleModule("xhht-input-rules");
        module.addDeserializer(String.class, new CheckedString());
        module.addDeserializer(LocalDate.class, new CheckedDate());
        return module;
    }

    /** Refuses a request whose parameters (query, form, multipart text parts) hold a control character. */
    static final class ControlCharacters implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
                if (InputRules.hasControlCharacter(p.getKey())) {
                    throw new InvalidInputProblem("parameter", "error.controlCharacter", "?");
                }
                for (String value : p.getValue()) {
                    if (InputRules.hasControlCharacter(value)) {
                        throw new InvalidInputProblem(p.getKey(), "error.controlCharacter", p.getKey());
                    }
                }
            }
            return true;
        }
    }

    static final int LONG_TEXT = 30;
    static final String LONG_TEXTS = InputGuard.class.getName() + ".longTexts";

    /**
     * Remembers which JSON fields carried long text, so that a column-length refusal by the database, which does
     * not say the column, can still name the field.
     */
    @SuppressWarnings("unchecked")
    static void noteLongText(String field, int length) {
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (attributes == null || field == null) {
            return;
        }
        Map<String, Integer> seen = (Map<String, Integer>) attributes.getAttribute(LONG_TEXTS, 0);
        if (seen == null) {
            seen = new java.util.LinkedHashMap<>();
            attributes.setAttribute(LONG_TEXTS, seen, 0);
        }
        seen.merge(field, length, Math::max);
    }

    static LocalDate checked(LocalDate d) {
        if (!InputRules.dateInRange(d)) {
            throw new IllegalArgumentException(DATE_RANGE);
        }
        return d;
    }

    /** An ISO date (what date inputs send) within the range of {@link InputRules}. */
    static final class DateInRange implements Formatter<LocalDate> {
        @Override
        public LocalDate parse(String text, Locale locale) throws ParseException {
            try {
                return checked(LocalDate.parse(text.strip()));
            } catch (DateTimeParseException e) {
                throw new ParseException(text, e.getErrorIndex());
            }
        }

        @Override
        public String print(LocalDate date, Locale locale) {
            return date.toString();
        }
    }

    /** The same for parameters and fields marked {@code @DateTimeFormat(iso = DATE)}. */
    static final class AnnotatedDateInRange implements AnnotationFormatterFactory<DateTimeFormat> {
        private final DateInRange formatter = new DateInRange();

        @Override
        public Set<Class<?>> getFieldTypes() {
            return Set.of(LocalDate.class);
        }

        @Override
        public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
            return formatter;
        }

        @Override
        public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
            return formatter;
        }
    }

    /** JSON text without control characters. */
    static final class CheckedString extends StdScalarDeserializer<String> {
        CheckedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String s = StringDeserializer.instance.deserialize(p, ctxt);
            if (InputRules.hasControlCharacter(s)) {
                throw InvalidFormatException.from(p, CONTROL_CHARACTER, s, String.class);
            }
            if (s != null && s.length() > LONG_TEXT) {
                noteLongText(p.currentName(), s.length());
            }
            return s;
        }
    }

    /** JSON dates as ISO text ("2026-03-01") within the range of {@link InputRules}; anything else is refused. */
    static final class CheckedDate extends StdScalarDeserializer<LocalDate> {
        CheckedDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw InvalidFormatException.from(p, "date expected", p.getString(), LocalDate.class);
            }
            String text = p.getString().strip();
            if (text.isEmpty()) {
                return null;
            }
            LocalDate d;
            try {
                d = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw InvalidFormatException.from(p, "date expected", text, LocalDate.class);
            }
            if (!InputRules.dateInRange(d)) {
                throw InvalidFormatException.from(p, DATE_RANGE, text, LocalDate.class);
            }
            return d;
        }
    }
}
