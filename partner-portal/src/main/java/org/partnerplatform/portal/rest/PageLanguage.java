package org.partnerplatform.portal.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.partnerplatform.web.Languages;
import org.partnerplatform.web.Roles;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/** The language of this request's page (see {@link Languages}), what a template needs to show it and switch, and the navigation. */
@RequestScoped
public class PageLanguage {
    @Inject
    HttpServerRequest request;
    @Inject
    SecurityIdentity identity;

    public Locale locale() {
        Cookie cookie = request.getCookie(Languages.COOKIE);
        return Languages.choose(cookie == null ? null : cookie.getValue(), Languages.acceptable(request.getHeader("Accept-Language")));
    }

    /** The template in this request's language, with the page's own address (URL-encoded) for the switch to return to. */
    public TemplateInstance apply(TemplateInstance template) {
        Locale locale = locale();
        String path = request.path();
        String query = request.query();
        // What the navigation offers: only the pages this person may open.
        boolean clients = identity.hasRole(Roles.KLIENTADMINISTRATOR);
        boolean persons = identity.hasRole(Roles.BRUKERADMINISTRATOR);
        boolean orders = identity.hasRole(Roles.SALES_READER) || identity.hasRole(Roles.SALES_ADMINISTRATOR);
        boolean settlements = identity.hasRole(Roles.FINANCE_READER);
        return template.setLocale(locale).data("lang", locale.getLanguage()).data("otherLang", Languages.other(locale).getLanguage())
                .data("navPersons", persons).data("navAudit", clients || persons).data("navCatalog", clients || orders || settlements)
                .data("navOrders", orders).data("navSettlements", settlements).data("navAdmin", identity.hasRole(Roles.PLATFORM_ADMIN))
                .data("here", URLEncoder.encode(query == null ? path : path + "?" + query, StandardCharsets.UTF_8));
    }
}
