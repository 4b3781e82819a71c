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

    /** Why a password is refused; the pages say it in the person's language, the API in English. */
    public enum Problem {
        MISSING("Choose a password."),
        TOO_SHORT("The password must have at least " + MIN_LENGTH + " characters."),
        TOO_LONG("The password may have at most " + MAX_LENGTH + " characters."),
        TOO_FEW_CHARACTERS("The password repeats too few characters; choose another."),
        CONTAINS_EMAIL("The password must not contain the e-mail address.");

        private final String english;

        Problem(String english) {
            this.english = english;
        }

        public String english() {
            return english;
        }
    }

    /** Null when the password is acceptable, else why not. */
    public static Problem problem(String password, String email) {
        if (password == null || password.isEmpty()) {
            return Problem.MISSING;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Problem.TOO_SHORT;
        }
        if (length > MAX_LENGTH) {
            return Problem.TOO_LONG;
        }
        if (password.codePoints().distinct().count() < 4) {
            return Problem.TOO_FEW_CHARACTERS;
        }
        if (email != null) {
            String lower = password.toLowerCase(Locale.ROOT);
            String localPart = email.substring(0, Math.max(email.indexOf('@'), 0));
            if (lower.contains(email) || localPart.length() >= 4 && lower.contains(localPart)) {
                return Problem.CONTAINS_EMAIL;
            }
        }
        return null;
    }

    public static void require(String password, String email) {
        Problem problem = problem(password, email);
        if (problem != null) {
            throw ProblemException.badRequest("weak-password", problem.english());
        }
    }
}
