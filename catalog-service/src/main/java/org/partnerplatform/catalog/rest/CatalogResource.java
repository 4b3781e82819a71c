package org.partnerplatform.catalog.rest;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnerplatform.catalog.service.CatalogService;
import org.partnerplatform.events.Patterns;
import org.partnerplatform.catalog.service.CatalogService.CatalogQuery;
import org.partnerplatform.catalog.service.CatalogService.CatalogRequest;
import org.partnerplatform.web.Caller;
import org.partnerplatform.web.Roles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * The catalog of the caller's organisation (from its token): what it may sell here, today. The body is serialised
 * here, once, so that its ETag is the digest of exactly the bytes sent; If-None-Match with that tag answers 304.
 * Answers are kept, bytes and tag, until a change to the catalog retires them ({@link CatalogResponseCache}).
 */
@Path("/v1/catalog")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PARTNER, Roles.KLIENTADMINISTRATOR, Roles.SALES_READER, Roles.SALES_ADMINISTRATOR, Roles.FINANCE_READER, Roles.FINANCE,
        Roles.PLATFORM_ADMIN })
@SecurityRequirement(name = "bearer")
@Tag(name = "Catalog")
public class CatalogResource {
    /** Also sent as a header, so that the credit travels with responses that have no body (304). */
    static final String DATA_CREDIT_HEADER = "X-Data-Credit";
    private static final CacheControl REVALIDATE = revalidate();

    private final CatalogService catalog;
    private final Caller caller;
    private final ObjectMapper json;
    private final CatalogResponseCache cache;

    public CatalogResource(CatalogService catalog, Caller caller, ObjectMapper json, CatalogResponseCache cache) {
        this.catalog = catalog;
        this.caller = caller;
        this.json = json;
        this.cache = cache;
    }

    @GET
    @Operation(summary = "The products the caller's organisation may sell in this environment today",
            description = "A product is listed when it is PUBLISHED and valid today, and an ACTIVE agreement of the caller's organisation, "
                    + "valid today and with the SELL right, covers it and has been made ready for use in this deployment's environment. "
                    + "Data made available by Entur (NLOD).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CatalogPageView.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match named the current ETag")
    public Uni<Response> catalog(
            @Parameter(description = "An operator's codespace (VYG) or organisation id") @QueryParam("operator") String operator,
            @Parameter(description = "Only products with a price for this user profile, and only that price")
            @QueryParam("userProfile") @Pattern(regexp = Patterns.USER_PROFILE) String userProfile,
            @Parameter(description = "Text in the product id or either name, case-insensitive") @QueryParam("q") @Size(max = 100) String q,
            @Parameter(description = "From 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("pageSize") @DefaultValue("" + CatalogService.DEFAULT_PAGE_SIZE) @Min(1) @Max(CatalogService.MAX_PAGE_SIZE) int pageSize,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        long organisationId = caller.organisationId();
        CatalogQuery query = catalog.query(organisationId, new CatalogRequest(operator, userProfile, q, page, pageSize));
        Optional<CatalogResponseCache.Entry> cached = cache.current(query);
        if (cached.isPresent()) {
            return Uni.createFrom().item(respond(cached.get(), ifNoneMatch));
        }
        long revision = cache.revisionBeforeQuery();
        return catalog.dependenciesOf(organisationId).chain(dependsOn -> catalog.catalogOf(query).map(result -> {
            byte[] body = serialise(CatalogPageView.of(organisationId, result));
            CatalogResponseCache.Entry entry = new CatalogResponseCache.Entry(revision, dependsOn, body, EntityTags.ofContent(body));
            cache.put(query, entry);
            return respond(entry, ifNoneMatch);
        }));
    }

    private static Response respond(CatalogResponseCache.Entry entry, String ifNoneMatch) {
        Response.ResponseBuilder response = EntityTags.noneMatchHits(ifNoneMatch, entry.tag())
                ? Response.notModified(entry.tag())
                : Response.ok(entry.body(), MediaType.APPLICATION_JSON_TYPE).tag(entry.tag());
        return response.cacheControl(REVALIDATE).header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                .header(DATA_CREDIT_HEADER, CatalogService.DATA_CREDIT).build();
    }

    private byte[] serialise(CatalogPageView page) {
        try {
            return json.writeValueAsBytes(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the catalog", e);
        }
    }

    /** Only the caller may keep it (it is the caller's own catalog), and must ask again before reusing it. */
    private static CacheControl revalidate() {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setPrivate(true);
        cacheControl.setNoCache(true);
        return cacheControl;
    }
}
