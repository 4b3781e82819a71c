package org.partnerplatform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The languages of the platform's pages for persons (the portal, the sign-in), English and Norwegian bokmål. Which
 * language a page is in: the one the person chose with the switch (a cookie), else the first of the browser's
 * Accept-Language that the portal speaks (any Norwegian, nb, no or nn, gives bokmål), else English.
 */
public final class Languages {
    public static final String COOKIE = "portal_lang";
    public static final Locale NORWEGIAN = Locale.forLanguageTag("nb");
    public static final Locale ENGLISH = Locale.ENGLISH;

    private Languages() {
    }

    /** The languages of an Accept-Language header, most wanted first; none for a header no browser sends. */
    public static List<Locale> acceptable(String header) {
        List<Locale> acceptable = new ArrayList<>();
        if (header != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    if (!range.getRange().equals("*")) {
                        acceptable.add(Locale.forLanguageTag(range.getRange()));
                    }
                }
            } catch (IllegalArgumentException unreadable) {
                return List.of();
            }
        }
        return acceptable;
    }

    public static Locale choose(String cookie, List<Locale> acceptable) {
        Locale chosen = of(cookie);
        if (chosen != null) {
            return chosen;
        }
        for (Locale locale : acceptable) {
            Locale spoken = of(locale.getLanguage());
            if (spoken != null) {
                return spoken;
            }
        }
        return ENGLISH;
    }

    /** The portal's language for a tag, or null for one it does not speak. */
    public static Locale of(String tag) {
        if (tag == null) {
            return null;
        }
        return switch (tag.toLowerCase(Locale.ROOT)) {
            case "nb", "no", "nn" -> NORWEGIAN;
            case "en" -> ENGLISH;
            default -> null;
        };
    }

    public static Locale other(Locale locale) {
        return NORWEGIAN.equals(locale) ? ENGLISH : NORWEGIAN;
    }
}
