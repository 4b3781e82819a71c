package org.partnerplatform.token.rest;

import java.util.List;

import org.partnerplatform.token.service.OrganisationService;

/** One page of organisations in id order; page counts from 0. */
public record OrganisationPageView(List<OrganisationView> items, int page, int size, long totalItems) {

    static OrganisationPageView of(OrganisationService.Page page) {
        return new OrganisationPageView(page.items().stream().map(OrganisationView::of).toList(), page.page(), page.size(), page.total());
    }
}
