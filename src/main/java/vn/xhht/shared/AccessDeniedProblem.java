package vn.xhht.shared;

/** The user may not read or change this resource: answered with 403 and never with data. */
public class AccessDeniedProblem extends RuntimeException {
    private final String messageKey;

    public AccessDeniedProblem(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
