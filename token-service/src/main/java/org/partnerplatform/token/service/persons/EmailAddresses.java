package org.partnerplatform.token.service.persons;

import java.util.Locale;
import java.util.regex.Pattern;

/** E-mail addresses as persons sign in with them: trimmed, lower case, one @, no spaces, at most 254 characters. */
public final class EmailAddresses {
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private EmailAddresses() {
    }

    /** The address as it is stored and compared, or null when it is not one. */
    public static String normalise(String address) {
        if (address == null) {
            return null;
        }
        String normal = address.trim().toLowerCase(Locale.ROOT);
        return normal.length() <= 254 && ADDRESS.matcher(normal).matches() ? normal : null;
    }
}
