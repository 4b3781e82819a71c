package org.partnerplatform.portal.rest;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.web.Languages;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * Sends the portal's language on to token-service's sign-in page as {@code ui_locales} (OpenID Connect Core §3.1.2.1),
 * so that a person who chose Norwegian with the switch signs in in Norwegian too, whatever the browser asks for.
 */
@ApplicationScoped
@Unremovable
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
public class SignInLanguage implements OidcRedirectFilter {

    @Override
    public void filter(OidcRedirectContext context) {
        HttpServerRequest request = context.routingContext().request();
        Cookie cookie = request.getCookie(Languages.COOKIE);
        String language = Languages.choose(cookie == null ? null : cookie.getValue(), Languages.acceptable(request.getHeader("Accept-Language")))
                .getLanguage();
        context.additionalQueryParams().add("ui_locales", language);
    }
}
