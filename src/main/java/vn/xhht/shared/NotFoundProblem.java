package vn.xhht.shared;

/** The resource does not exist (or does not exist at the requested date): answered with 404. */
public class NotFoundProblem extends RuntimeException {
    private final String messageKey;
    private final Object[] args;

    public NotFoundProblem(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
