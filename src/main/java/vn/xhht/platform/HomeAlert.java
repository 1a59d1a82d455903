package vn.xhht.platform;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;

/**
 * Something the signed-in user's unit owes or should know, shown on the home dashboard (overdue review steps,
 * report reminders, …). {@code messageKey} with {@code args} is the text; {@code href} where to act.
 * <p>It is a {@link MessageSourceResolvable} so that the page resolves key and arguments in one call: passing the
 * arguments through a template expression once handed the whole array to the message as its first argument.
 */
@org.springframework.modulith.NamedInterface("api")
public record HomeAlert(Severity severity, String messageKey, List<Object> args, String href) implements MessageSourceResolvable {

    public enum Severity {
        INFO, WARNING, OVERDUE
    }

    public HomeAlert {
        args = args == null ? List.of() : List.copyOf(args);
    }

    @Override
    public String[] getCodes() {
        return new String[]{messageKey};
    }

    @Override
    public Object[] getArguments() {
        return args.toArray();
    }
}
