package org.partnerplatform.token.service.persons;

import java.util.Locale;

import org.partnerplatform.web.ProblemException;

/**
 * What a password must be (NIST SP 800-63B §3.1.1.2): long enough, not absurdly long, and not the e-mail address;
 * no rules about character classes, which make passwords weaker, not stronger. Length counts code points, so any
 * script counts as it reads.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** Null when the password is acceptable, else why not, for the person to read. */
    public static String problem(String password, String email) {
        if (password == null || password.isEmpty()) {
            return "Choose a password.";
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return "The password must have at least " + MIN_LENGTH + " characters.";
        }
        if (length > MAX_LENGTH) {
            return "The password may have at most " + MAX_LENGTH + " characters.";
        }
        if (password.codePoints().distinct().count() < 4) {
            return "The password repeats too few characters; choose another.";
        }
        if (email != null) {
            String lower = password.toLowerCase(Locale.ROOT);
            String localPart = email.substring(0, Math.max(email.indexOf('@'), 0));
            if (lower.contains(email) || localPart.length() >= 4 && lower.contains(localPart)) {
                return "The password must not contain the e-mail address.";
            }
        }
        return null;
    }

    public static void require(String password, String email) {
        String problem = problem(password, email);
        if (problem != null) {
            throw ProblemException.badRequest("weak-password", problem);
        }
    }
}
