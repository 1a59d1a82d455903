package vn.xhht.orgunit;

import java.text.Normalizer;

/** Cleans a unit name typed by a person: Unicode NFC (one form for "ạ"), trimmed, single spaces. */
final class UnitNames {
    static final int MAX_LENGTH = 150;

    private UnitNames() {
    }

    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        return Normalizer.normalize(raw, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    }

    /** Message key of what is wrong with a cleaned name, or null. */
    static String problem(String name) {
        if (name.isEmpty()) {
            return "hamlet.name.required";
        }
        if (name.length() > MAX_LENGTH) {
            return "hamlet.name.tooLong";
        }
        if (name.chars().anyMatch(Character::isISOControl) || name.matches(".*[<>{}\\\\].*")) {
            return "hamlet.name.badCharacters";
        }
        return null;
    }
}
