package org.partnerplatform.sales.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partnerplatform.events.Vat;
import org.partnerplatform.events.sales.SaleRequest.Line;
import org.partnerplatform.sales.repository.CatalogProjection.AgreementRow;
import org.partnerplatform.sales.repository.CatalogProjection.ProductRow;
import org.partnerplatform.sales.repository.CatalogSnapshot;

/** The sale rule on a catalog snapshot, without a database: which sales it prices, and why it refuses the others. */
class SalePolicyTest {
    static final LocalDate TODAY = LocalDate.parse("2026-12-01");
    static final long PARTNER = 8;
    static final long VY = 2;
    static final long RUTER = 5;

    final Map<String, ProductRow> products = new HashMap<>();
    final Map<String, Map<String, BigDecimal>> prices = new HashMap<>();
    final Map<Long, List<CatalogSnapshot.Agreement>> agreements = new HashMap<>();

    SalePolicyTest() {
        product("VYG:SalesPackage:Oslo-Bergen", VY, "PUBLISHED", null, "999.00", "499.00");
        product("VYG:SalesPackage:Oslo-Drammen", VY, "PUBLISHED", null, "126.00", "63.00");
        product("VYG:SalesPackage:Retired", VY, "PUBLISHED", TODAY.minusDays(1), "100.00", "50.00");
        product("VYG:SalesPackage:Draft", VY, "DRAFT", null, "100.00", "50.00");
        product("RUT:SalesPackage:Single", RUTER, "PUBLISHED", null, "44.00", "22.00");
    }

    @Test
    void pricesEachLineVatIncludedAndSumsTheOrder() {
        agreement("agr-vy", VY, 700, "WEB", true);
        SalePolicy.Plan plan = SalePolicy.plan(command(null, line("VYG:SalesPackage:Oslo-Bergen", "ADULT", 2),
                line("VYG:SalesPackage:Oslo-Drammen", "CHILD", 3)), snapshot(), TODAY);

        assertThat(plan.agreement().id()).isEqualTo("agr-vy");
        assertThat(plan.lines()).extracting(l -> l.amount().toPlainString()).containsExactly("1998.00", "189.00");
        // 1998.00 × 12 / 112 = 214.071… → 214.07; 189.00 × 12 / 112 = 20.25
        assertThat(plan.lines()).extracting(l -> l.vat().toPlainString()).containsExactly("214.07", "20.25");
        assertThat(plan.total()).isEqualByComparingTo("2187.00");
        assertThat(plan.vat()).isEqualByComparingTo("234.32");
    }

    @Test
    void theFirstAgreementByIdThatCoversEveryLineInTheRequestedChannelIsTheOrders() {
        agreement("agr-a", VY, 500, "APP", false, "VYG:SalesPackage:Oslo-Bergen");
        agreement("agr-b", VY, 600, "WEB", true);
        agreement("agr-c", VY, 700, "WEB", true);

        assertThat(SalePolicy.plan(command(null, line("VYG:SalesPackage:Oslo-Bergen", "ADULT", 1)), snapshot(), TODAY).agreement().id())
                .isEqualTo("agr-a");
        assertThat(SalePolicy.plan(command(null, line("VYG:SalesPackage:Oslo-Bergen", "ADULT", 1), line("VYG:SalesPackage:Oslo-Drammen", "ADULT", 1)),
                snapshot(), TODAY).agreement().id()).isEqualTo("agr-b");
        assertThat(SalePolicy.plan(command("WEB", line("VYG:SalesPackage:Oslo-Bergen", "ADULT", 1)), snapshot(), TODAY).agreement().id())
                .isEqualTo("agr-b");
        assertThat(SalePolicy.plan(command("APP", line("VYG:SalesPackage:Oslo-Bergen", "ADULT", 1)), snapshot(), TODAY).agreement().id())
                .isEqualTo("agr-a");
        assertRefused(command("KIOSK", line("VYG:SalesPackage:Oslo-Bergen", "ADULT", 1)), 422, "wrong-distribution-channel");
    }

    @Test
    void everyProductMustBeSoldInTheOrdersChannelUnlessItsChannelsAreNotKnownYet() {
        agreement("agr-kiosk", VY, 500, "KIOSK", true);
        assertRefused(command(null, line("VYG:SalesPackage:Oslo-Bergen", "ADULT", 1)), 422, "product-not-in-channel");
        products.put("VYG:SalesPackage:Legacy", new ProductRow("VYG:SalesPackage:Legacy", VY, "PUBLISHED", new BigDecimal("12"),
                LocalDate.parse("2020-01-01"), null, null, null));
        prices.put("VYG:SalesPackage:Legacy", Map.of("ADULT", new BigDecimal("10.00")));
        assertThat(SalePolicy.plan(command(null, line("VYG:SalesPackage:Legacy", "ADULT", 1)), snapshot(), TODAY).agreement().id())
                .isEqualTo("agr-kiosk");
    }

    @Test
    void theValidityBoundsOfAProductAreInclusive() {
        agreement("agr-vy", VY, 700, "WEB", true);
        products.put("VYG:SalesPackage:LastDay", new ProductRow("VYG:SalesPackage:LastDay", VY, "PUBLISHED", new BigDecimal("12"), TODAY, TODAY,
                Set.of("WEB"), "P1D"));
        products.put("VYG:SalesPackage:Tomorrow", new ProductRow("VYG:SalesPackage:Tomorrow", VY, "PUBLISHED", new BigDecimal("12"),
                TODAY.plusDays(1), null, Set.of("WEB"), "P1D"));
        prices.put("VYG:SalesPackage:LastDay", Map.of("ADULT", new BigDecimal("10.00")));
        prices.put("VYG:SalesPackage:Tomorrow", Map.of("ADULT", new BigDecimal("10.00")));
        assertThat(SalePolicy.plan(command(null, line("VYG:SalesPackage:LastDay", "ADULT", 1)), snapshot(), TODAY).total()).isEqualByComparingTo("10.00");
        assertRefused(command(null, line("VYG:SalesPackage:Tomorrow", "ADULT", 1)), 422, "product-not-available");
    }

    @Test
    void productsThatDoNotExistAreNotOnSaleTodayOrHaveNoPriceForTheProfileAreRefused() {
        agreement("agr-vy", VY, 700, "WEB", true);
        assertRefused(command(null, line("VYG:SalesPackage:Nowhere", "ADULT", 1)), 422, "unknown-product");
        assertRefused(command(null, line("VYG:SalesPackage:Retired", "ADULT", 1)), 422, "product-not-available");
        assertRefused(command(null, line("VYG:SalesPackage:Draft", "ADULT", 1)), 422, "product-not-available");
        assertRefused(command(null, line("VYG:SalesPackage:Oslo-Bergen", "SENIOR", 1)), 422, "no-price-for-user-profile");
    }

    @Test
    void anOrderHoldsOneOperatorsProductsUnderOneAgreementInForce() {
        agreement("agr-vy", VY, 700, "WEB", false, "VYG:SalesPackage:Oslo-Bergen");
        agreement("agr-vy-2", VY, 700, "WEB", false, "VYG:SalesPackage:Oslo-Drammen");
        agreement("agr-rut", RUTER, 300, "WEB", true);

        assertRefused(command(null, line("VYG:SalesPackage:Oslo-Bergen", "ADULT", 1), line("RUT:SalesPackage:Single", "ADULT", 1)), 422,
                "multiple-operators");
        assertRefused(command(null, line("VYG:SalesPackage:Oslo-Bergen", "ADULT", 1), line("VYG:SalesPackage:Oslo-Drammen", "ADULT", 1)), 403,
                "no-agreement");
        agreements.clear();
        assertRefused(command(null, line("RUT:SalesPackage:Single", "ADULT", 1)), 403, "no-agreement");
    }

    @Test
    void nothingOfASuspendedOperatorIsSold() {
        agreement("agr-vy", VY, 700, "WEB", true);
        SaleCommand command = command(null, line("VYG:SalesPackage:Oslo-Bergen", "ADULT", 1));
        assertThatThrownBy(() -> SalePolicy.plan(command, snapshot(), TODAY, Set.of(VY))).isInstanceOfSatisfying(OrderRefusedException.class,
                e -> assertThat(e.code()).isEqualTo("operator-suspended"));
        assertThat(SalePolicy.plan(command, snapshot(), TODAY, Set.of(RUTER)).agreement().id()).isEqualTo("agr-vy");
    }

    @Test
    void anotherPartnersAgreementSellsNothingForThisOne() {
        agreements.put(PARTNER + 1, List.of(new CatalogSnapshot.Agreement(new AgreementRow("agr-other", VY, 700, "WEB"), PARTNER + 1, true, Set.of())));
        assertRefused(command(null, line("VYG:SalesPackage:Oslo-Bergen", "ADULT", 1)), 403, "no-agreement");
    }

    /** With catalog's PriceBreakdownTest of the same range, this proves that an order line charges the VAT the catalog showed. */
    @Test
    void forEveryPriceFromOneOreTo9999Point99TheLineChargesThePlatformsVat() {
        agreement("agr-vy", VY, 700, "WEB", true);
        Map<String, BigDecimal> price = new HashMap<>();
        prices.put("VYG:SalesPackage:Oslo-Bergen", price);
        SaleCommand command = command(null, line("VYG:SalesPackage:Oslo-Bergen", "ADULT", 1));
        BigDecimal twelve = new BigDecimal("12");
        for (long ore = 1; ore <= 999_999; ore++) {
            BigDecimal amount = BigDecimal.valueOf(ore, 2);
            price.put("ADULT", amount);
            SalePolicy.Plan plan = SalePolicy.plan(command, snapshot(), TODAY);
            if (plan.vat().compareTo(Vat.included(amount, twelve)) != 0 || plan.total().compareTo(amount) != 0) {
                throw new AssertionError(amount + ": the order charges " + plan.total() + " with " + plan.vat() + " VAT");
            }
        }
    }

    private void assertRefused(SaleCommand command, int status, String code) {
        assertThatThrownBy(() -> SalePolicy.plan(command, snapshot(), TODAY)).isInstanceOfSatisfying(OrderRefusedException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.httpStatus()).isEqualTo(status);
        });
    }

    private void product(String id, long operator, String status, LocalDate validTo, String adult, String child) {
        products.put(id, new ProductRow(id, operator, status, new BigDecimal("12"), LocalDate.parse("2020-01-01"), validTo, Set.of("WEB", "APP"), "PT90M"));
        prices.put(id, Map.of("ADULT", new BigDecimal(adult), "CHILD", new BigDecimal(child)));
    }

    /** Agreements are listed oldest id first, as the projection reads them. */
    private void agreement(String id, long operator, int commission, String channel, boolean allProducts, String... productIds) {
        agreements.computeIfAbsent(PARTNER, k -> new java.util.ArrayList<>())
                .add(new CatalogSnapshot.Agreement(new AgreementRow(id, operator, commission, channel), PARTNER, allProducts, Set.of(productIds)));
    }

    private CatalogSnapshot snapshot() {
        return new CatalogSnapshot(products, prices, agreements);
    }

    private static SaleCommand command(String channel, Line... lines) {
        return new SaleCommand(SaleCommand.Mode.SELL, PARTNER, "key-00000001", channel, List.of(lines), null);
    }

    private static Line line(String product, String profile, int quantity) {
        return new Line(product, profile, quantity);
    }
}
