package vn.xhht.identity;

import java.util.Locale;
import java.util.Set;

/** What a password must be: long enough, not the username, not a well-known or demo password. */
final class PasswordPolicy {
    static final int MIN_LENGTH = 10;
    static final Set<String> FORBIDDEN = Set.of("xhht-demo", "admin", "password", "matkhau", "123456789",
            "1234567890", "12345678910", "qwertyuiop", "changeme", "admin12345", "password123", "matkhau123");

    private PasswordPolicy() {
    }

    /** The message key of the problem, or null when the password is acceptable. */
    static String problem(String username, String password) {
        if (password == null || password.isBlank()) {
            return "password.required";
        }
        if (password.length() < MIN_LENGTH) {
            return "password.tooShort";
        }
        if (password.length() > 128) {
            return "password.tooLong";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (FORBIDDEN.contains(lower) || (username != null && lower.contains(username.toLowerCase(Locale.ROOT)))) {
            return "password.tooCommon";
        }
        return null;
    }
}
