package org.partnerplatform.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerplatform.catalog.Fixtures.agreement;
import static org.partnerplatform.catalog.Fixtures.catalogIds;
import static org.partnerplatform.catalog.Fixtures.newOperator;
import static org.partnerplatform.catalog.Fixtures.newOrganisation;
import static org.partnerplatform.catalog.Fixtures.ready;
import static org.partnerplatform.catalog.Fixtures.today;
import static org.partnerplatform.catalog.Fixtures.transition;
import static org.partnerplatform.catalog.Fixtures.unready;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnerplatform.catalog.Fixtures.Operator;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.OidcTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Which products a partner's catalog shows, one reason at a time. Each test gives the partner a product that it
 * can see beside the one it must not, so that a catalog that shows too much and one that shows nothing both fail.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class CatalogVisibilityTest {

    @Test
    void anExplicitAgreementShowsTheListedProductsAndNoOtherProductOfTheOperator() {
        Operator operator = newOperator();
        String listed = operator.publishedProduct("Listed");
        String unlisted = operator.publishedProduct("Unlisted");
        long partner = newOrganisation();
        agreement(partner, operator).products(listed).sellable();

        assertThat(catalogIds(partner)).containsExactly(listed).doesNotContain(unlisted);
    }

    @Test
    void anAllProductsAgreementShowsEveryPublishedProductOfTheOperatorIncludingLaterOnes() {
        Operator operator = newOperator();
        Operator other = newOperator();
        String first = operator.publishedProduct("First");
        String othersProduct = other.publishedProduct("Foreign");
        long partner = newOrganisation();
        agreement(partner, operator).allProducts().sellable();
        assertThat(catalogIds(partner)).containsExactly(first);

        String later = operator.publishedProduct("Later");
        assertThat(catalogIds(partner)).containsExactly(first, later).doesNotContain(othersProduct);
    }

    @Test
    void withoutAnyAgreementThePartnerSeesNothingAndAnotherPartnersAgreementDoesNotHelp() {
        Operator operator = newOperator();
        String product = operator.publishedProduct("Standard");
        long partner = newOrganisation();
        long withoutAgreement = newOrganisation();
        agreement(partner, operator).products(product).sellable();

        assertThat(catalogIds(partner)).containsExactly(product);
        assertThat(catalogIds(withoutAgreement)).isEmpty();
    }

    @Test
    void aDraftAgreementShowsNothingUntilItIsActivated() {
        Operator operator = newOperator();
        String product = operator.publishedProduct("Standard");
        long partner = newOrganisation();
        String id = agreement(partner, operator).products(product).draft();
        ready(id, "STAGING").statusCode(200);
        assertThat(catalogIds(partner)).isEmpty();

        transition(id, "activate").statusCode(200);
        assertThat(catalogIds(partner)).containsExactly(product);
    }

    @Test
    void aSuspendedAgreementHidesItsProductsUntilResumed() {
        Operator operator = newOperator();
        String product = operator.publishedProduct("Standard");
        long partner = newOrganisation();
        String id = agreement(partner, operator).products(product).sellable();
        assertThat(catalogIds(partner)).containsExactly(product);

        transition(id, "suspend").statusCode(200);
        assertThat(catalogIds(partner)).isEmpty();

        transition(id, "resume").statusCode(200);
        assertThat(catalogIds(partner)).containsExactly(product);
    }

    @Test
    void aTerminatedAgreementHidesItsProducts() {
        Operator operator = newOperator();
        String product = operator.publishedProduct("Standard");
        long partner = newOrganisation();
        String id = agreement(partner, operator).products(product).sellable();
        assertThat(catalogIds(partner)).containsExactly(product);

        transition(id, "terminate").statusCode(200);
        assertThat(catalogIds(partner)).isEmpty();
    }

    @Test
    void anExpiredAgreementHidesItsProductsAndOneThatEndsTodayStillShowsThem() {
        Operator operator = newOperator();
        String expired = operator.publishedProduct("Expired");
        String endsToday = operator.publishedProduct("EndsToday");
        long partner = newOrganisation();
        agreement(partner, operator).products(expired).valid(today().minusDays(30), today().minusDays(2)).sellable();
        agreement(partner, operator).products(endsToday).valid(today().minusDays(30), today().plusDays(1)).sellable();

        assertThat(catalogIds(partner)).containsExactly(endsToday);
    }

    @Test
    void anAgreementThatIsNotYetValidHidesItsProducts() {
        Operator operator = newOperator();
        String future = operator.publishedProduct("Future");
        String current = operator.publishedProduct("Current");
        long partner = newOrganisation();
        agreement(partner, operator).products(future).valid(today().plusDays(2), null).sellable();
        agreement(partner, operator).products(current).valid(today().minusDays(1), null).sellable();

        assertThat(catalogIds(partner)).containsExactly(current);
    }

    @Test
    void anAgreementThatOnlyLetsThePartnerRefundDoesNotLetItSell() {
        Operator operator = newOperator();
        String refundOnly = operator.publishedProduct("RefundOnly");
        String sellOnly = operator.publishedProduct("SellOnly");
        long partner = newOrganisation();
        agreement(partner, operator).products(refundOnly).rights("REFUND").sellable();
        agreement(partner, operator).products(sellOnly).rights("SELL").sellable();

        assertThat(catalogIds(partner)).containsExactly(sellOnly);
    }

    @Test
    void aWithdrawnProductDisappearsAndADraftOneAppearsOnlyOncePublished() {
        Operator operator = newOperator();
        String withdrawn = operator.publishedProduct("Withdrawn");
        String draft = operator.draftProduct("Draft");
        long partner = newOrganisation();
        agreement(partner, operator).allProducts().sellable();
        assertThat(catalogIds(partner)).containsExactly(withdrawn);

        Fixtures.withdraw(withdrawn);
        assertThat(catalogIds(partner)).isEmpty();

        Fixtures.publish(draft);
        assertThat(catalogIds(partner)).containsExactly(draft);
    }

    @Test
    void aProductOutsideItsOwnValidityIsHidden() {
        Operator operator = newOperator();
        Map<String, Object> ended = operator.product("Ended", "100.00");
        ended.put("validTo", today().minusDays(2).toString());
        Map<String, Object> notYet = operator.product("NotYet", "100.00");
        notYet.put("validFrom", today().plusDays(2).toString());
        Map<String, Object> current = operator.product("Current", "100.00");
        current.put("validTo", today().plusDays(2).toString());
        String endedId = operator.publishedProduct(ended);
        String notYetId = operator.publishedProduct(notYet);
        String currentId = operator.publishedProduct(current);
        long partner = newOrganisation();
        agreement(partner, operator).products(endedId, notYetId, currentId).sellable();

        assertThat(catalogIds(partner)).containsExactly(currentId);
    }

    @Test
    void productsReadyOnlyInAnotherEnvironmentAreHiddenUntilMadeReadyHere() {
        Operator operator = newOperator();
        String product = operator.publishedProduct("Standard");
        long partner = newOrganisation();
        String id = agreement(partner, operator).products(product).active();
        ready(id, "PRODUCTION").statusCode(200);
        ready(id, "DEVELOPMENT").statusCode(200);
        assertThat(catalogIds(partner)).isEmpty();

        ready(id, "STAGING").statusCode(200);
        assertThat(catalogIds(partner)).containsExactly(product);

        unready(id, "STAGING").statusCode(200);
        assertThat(catalogIds(partner)).isEmpty();
    }

    @Test
    void anotherPartnersAgreementShowsNothingToThisPartner() {
        Operator operator = newOperator();
        String shared = operator.publishedProduct("Shared");
        String onlyTheirs = operator.publishedProduct("OnlyTheirs");
        long partner = newOrganisation();
        long other = newOrganisation();
        agreement(partner, operator).products(shared).sellable();
        agreement(other, operator).allProducts().sellable();

        assertThat(catalogIds(partner)).containsExactly(shared);
        assertThat(catalogIds(other)).containsExactly(onlyTheirs, shared);
    }
}
