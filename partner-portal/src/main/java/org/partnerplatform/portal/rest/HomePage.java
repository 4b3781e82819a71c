package org.partnerplatform.portal.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.partnerplatform.portal.client.TokenServiceClient;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** My organisation: who I am, my roles, and my organisation as token-service knows it. */
@Path("/")
@Authenticated
public class HomePage {
    @Inject
    Template home;
    @Inject
    Template signedout;
    @Inject
    SignedIn signedIn;
    @Inject
    PageLanguage language;
    @Inject
    @RestClient
    TokenServiceClient tokenService;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> page() {
        SignedIn.Person person = signedIn.person();
        return tokenService.organisation(signedIn.bearer(), person.organisationId())
                .map(organisation -> language.apply(home.data("person", person).data("organisation", organisation)));
    }

    @GET
    @Path("signed-out")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signedOut() {
        return language.apply(signedout.instance());
    }
}
