package org.partnerplatform.catalog.service;

import org.partnerplatform.events.Patterns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.catalog.config.CatalogSettings;
import org.partnerplatform.events.Environment;
import org.partnerplatform.catalog.repository.CatalogQueries;
import org.partnerplatform.catalog.repository.CatalogQueries.CatalogFilter;
import org.partnerplatform.catalog.repository.CatalogQueries.CatalogRow;

import io.smallrye.mutiny.Uni;

/**
 * The catalog an organisation sees: the PUBLISHED products, valid today, that an ACTIVE agreement of the
 * organisation, valid today and with the SELL right, covers and has made ready for use in this deployment's
 * environment. "Today" is the date in the deployment's time zone.
 */
@ApplicationScoped
public class CatalogService {
    /** The credit that the Norwegian Licence for Open Government Data asks for on data from the hub. */
    public static final String DATA_CREDIT = "Data made available by Entur";
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 200;
    private static final Pattern ORGANISATION_ID = Pattern.compile("[0-9]{1,18}");
    private static final Pattern CODESPACE = Pattern.compile(Patterns.CODESPACE);

    private final CatalogQueries queries;
    private final CatalogSettings settings;

    public CatalogService(CatalogQueries queries, CatalogSettings settings) {
        this.queries = queries;
        this.settings = settings;
    }

    /**
     * What the organisation asks for, checked and normalised: the same question always gives an equal query (which
     * keys the response cache), and "today" is part of it, so an answer never outlives its day.
     */
    public CatalogQuery query(long organisationId, CatalogRequest request) {
        String operator = blankToNull(request.operator());
        Long operatorOrganisationId = null;
        String codespace = null;
        if (operator != null && ORGANISATION_ID.matcher(operator).matches()) {
            operatorOrganisationId = Long.parseLong(operator);
        } else if (operator != null && CODESPACE.matcher(operator.toUpperCase()).matches()) {
            codespace = operator.toUpperCase();
        } else if (operator != null) {
            throw InvalidRequestException.of("operator", "must be an operator's organisation id or its codespace, e.g. VYG");
        }
        return new CatalogQuery(organisationId, settings.today(), operatorOrganisationId, codespace, blankToNull(request.userProfile()),
                blankToNull(request.text()), request.page(), request.pageSize());
    }

    public Uni<CatalogResult> catalogOf(CatalogQuery query) {
        Environment environment = settings.environment();
        CatalogFilter filter = new CatalogFilter(query.organisationId(), query.today(), environment.name(), query.operatorOrganisationId(),
                query.codespace(), query.userProfile(), query.text(), query.pageSize(), (long) query.page() * query.pageSize());
        return queries.page(filter)
                .map(slice -> new CatalogResult(environment, query.today(), query.page(), query.pageSize(), slice.total(), slice.rows()));
    }

    /**
     * The scopes of the catalog ({@link CatalogRevisions}) whose changes can alter this organisation's catalog: its own,
     * and those of the operators it has agreements with.
     */
    public Uni<List<String>> dependenciesOf(long organisationId) {
        return queries.operatorsOfAgreementsOf(organisationId).map(operators -> {
            List<String> scopes = new ArrayList<>(operators.size() + 1);
            scopes.add(CatalogRevisions.partner(organisationId));
            operators.forEach(operator -> scopes.add(CatalogRevisions.operator(operator)));
            return List.copyOf(scopes);
        });
    }

    public Uni<CatalogResult> catalogOf(long organisationId, CatalogRequest request) {
        return catalogOf(query(organisationId, request));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** What the caller asked for; {@code page} counts from 0. */
    public record CatalogRequest(String operator, String userProfile, String text, int page, int pageSize) {
    }

    /** A checked catalog question: whose, for which day, which filters, which page. */
    public record CatalogQuery(long organisationId, LocalDate today, Long operatorOrganisationId, String codespace, String userProfile,
            String text, int page, int pageSize) {
    }

    public record CatalogResult(Environment environment, LocalDate date, int page, int pageSize, long totalCount, List<CatalogRow> rows) {
    }
}
