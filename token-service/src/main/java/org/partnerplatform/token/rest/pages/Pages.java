package org.partnerplatform.token.rest.pages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.partnerplatform.token.service.RandomValues;
import org.partnerplatform.web.Languages;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * What every page here answers with: HTML that is never cached, framed or sent with a referrer (an invitation's
 * token is in its URL), under a Content-Security-Policy that allows only this server's style sheet and forms
 * posted to this server (and, for the sign-in, redirected on to the client's origin). Forms carry a CSRF token that
 * must equal the one in a SameSite=Strict, HttpOnly cookie (double submit).
 */
final class Pages {
    static final String CSRF_COOKIE = "op_csrf";
    static final String CSRF_FIELD = "csrf";

    private Pages() {
    }

    /**
     * The page's language: the first of the client's ui_locales (OpenID Connect Core §3.1.2.1) that the platform
     * speaks, else the browser's Accept-Language, else English.
     */
    static Locale locale(String uiLocales, String acceptLanguage) {
        if (uiLocales != null) {
            for (String tag : uiLocales.trim().split(" +")) {
                Locale spoken = Languages.of(Locale.forLanguageTag(tag).getLanguage());
                if (spoken != null) {
                    return spoken;
                }
            }
        }
        return Languages.choose(null, Languages.acceptable(acceptLanguage));
    }

    static PageMessages messages(Locale locale) {
        return MessageBundles.get(PageMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }

    /** A page in a language: the template's words, and its lang attribute. */
    static TemplateInstance in(Locale locale, TemplateInstance template) {
        return template.setLocale(locale).data("lang", locale.getLanguage());
    }

    static Response html(int status, String body, String formTarget) {
        String formAction = formTarget == null ? "'self'" : "'self' " + formTarget;
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body)
                .header("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action " + formAction
                        + "; frame-ancestors 'none'; base-uri 'none'")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    static Response redirect(String location) {
        return Response.seeOther(java.net.URI.create(location)).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer").build();
    }

    /** A fresh CSRF token, and the cookie that carries it (Secure when the page was served over HTTPS). */
    static Map.Entry<String, NewCookie> csrf(UriInfo uri) {
        String token = RandomValues.secret();
        NewCookie cookie = new NewCookie.Builder(CSRF_COOKIE).value(token).path("/").httpOnly(true)
                .secure("https".equals(uri.getBaseUri().getScheme())).sameSite(NewCookie.SameSite.STRICT).build();
        return Map.entry(token, cookie);
    }

    static boolean csrfHolds(String cookie, String field) {
        return cookie != null && field != null && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8));
    }

    static Response withCookie(Response response, NewCookie cookie) {
        return Response.fromResponse(response).cookie(cookie).build();
    }
}
