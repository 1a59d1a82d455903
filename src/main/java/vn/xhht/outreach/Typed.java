package vn.xhht.outreach;

import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnameseNumbers;

/** Numbers and ids typed on outreach forms: null when blank, a field error (never a 500) when they are not numbers. */
final class Typed {
    private Typed() {
    }

    static Integer integer(String field, String raw) {
        try {
            return VietnameseNumbers.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new InvalidInputProblem(field, "outreach.notANumber");
        }
    }

    static Long id(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputProblem(field, "outreach.notAChoice");
        }
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
