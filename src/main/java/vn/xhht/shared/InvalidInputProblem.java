package vn.xhht.shared;

import java.util.List;

/**
 * Input that breaks a rule. Each violation names the field and a message key, so the web layer shows the
 * message next to the field and the API answers problem+json naming the field.
 */
public class InvalidInputProblem extends RuntimeException {

    public record Violation(String field, String messageKey, Object... args) {
    }

    private final List<Violation> violations;

    public InvalidInputProblem(List<Violation> violations) {
        super(violations.isEmpty() ? "invalid input" : violations.get(0).field() + ": " + violations.get(0).messageKey());
        this.violations = List.copyOf(violations);
    }

    public InvalidInputProblem(String field, String messageKey, Object... args) {
        this(List.of(new Violation(field, messageKey, args)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
