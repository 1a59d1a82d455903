package vn.xhht.platform;

import java.util.List;

/**
 * Something the signed-in user's unit owes or should know, shown on the home dashboard (overdue review steps,
 * report reminders, …). {@code messageKey} with {@code args} is the text; {@code href} where to act.
 */
public record HomeAlert(Severity severity, String messageKey, List<Object> args, String href) {

    public enum Severity {
        INFO, WARNING, OVERDUE
    }

    public Object[] argsArray() {
        return args == null ? new Object[0] : args.toArray();
    }
}
