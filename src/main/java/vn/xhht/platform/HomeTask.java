package vn.xhht.platform;

import java.time.LocalDate;
import java.util.List;

import org.springframework.context.MessageSourceResolvable;

/**
 * One thing waiting for the signed-in user, listed first on its home: a plan, report or dossier to review, to
 * resubmit after it was returned, or to submit by a deadline. {@code messageKey} with {@code args} is the text,
 * {@code href} the page where the user acts, {@code dueDate} the deadline if there is one (the home counts the
 * working days left).
 */
@org.springframework.modulith.NamedInterface("api")
public record HomeTask(Area area, Action action, String messageKey, List<Object> args, String href, LocalDate dueDate)
        implements MessageSourceResolvable {

    /** Which kind of work, so that each role's home can put its main work first. */
    public enum Area { PLAN, REPORT, EVALUATION, OTHER }

    /** What the user has to do. */
    public enum Action { REVIEW, RESUBMIT, SUBMIT }

    public HomeTask {
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
