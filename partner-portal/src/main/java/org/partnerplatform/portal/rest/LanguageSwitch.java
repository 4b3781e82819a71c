package org.partnerplatform.portal.rest;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.partnerplatform.portal.config.PortalConfig;
import org.partnerplatform.web.Languages;

/** The language switch: remembers the choice for a year and goes back to the page, which must be the portal's own. */
@Path("/language")
@PermitAll
public class LanguageSwitch {
    private final boolean secure;

    public LanguageSwitch(PortalConfig config) {
        this.secure = config.secureCookies();
    }

    @GET
    public Response choose(@QueryParam("to") String to, @QueryParam("back") String back) {
        Locale locale = Languages.of(to);
        // Only a path of this site: never a way to send someone elsewhere.
        String target = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/";
        Response.ResponseBuilder answer = Response.seeOther(URI.create(target));
        if (locale != null) {
            answer.cookie(new NewCookie.Builder(Languages.COOKIE).value(locale.getLanguage()).path("/")
                    .maxAge((int) Duration.ofDays(365).toSeconds()).httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.LAX).build());
        }
        return answer.build();
    }
}
