package org.partnerplatform.bench.sales;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The partners of the fixture as the load generator sees them: each with a fresh token and the products its
 * agreements let it sell (read from its own catalog, with prices), from which it makes plausible sale requests.
 */
final class Population {
    record Product(String id, List<String> profiles, List<BigDecimal> prices) {
    }

    /** A partner, its token and its sellable products grouped by operator (an order holds one operator's products). */
    record Partner(long id, String token, List<List<Product>> byOperator) {
    }

    /** A request's JSON body and the total the platform must charge for it. */
    record Request(Partner partner, String key, String json, BigDecimal expectedTotal) {
    }

    final List<Partner> partners;

    private Population(List<Partner> partners) {
        this.partners = partners;
    }

    static Population load(Properties fixture) {
        String tokenUrl = fixture.getProperty("token.url");
        String catalogUrl = fixture.getProperty("catalog.url");
        String audience = fixture.getProperty("audience");
        List<Partner> partners = new ArrayList<>();
        for (String id : fixture.getProperty("partners").split(",")) {
            String token = Api.token(tokenUrl, fixture.getProperty("partner." + id + ".client-id"),
                    fixture.getProperty("partner." + id + ".client-secret"), audience);
            Map<Long, List<Product>> byOperator = new LinkedHashMap<>();
            for (JsonNode item : Api.get(catalogUrl + "/v1/catalog?pageSize=200", token).path("items")) {
                List<String> profiles = new ArrayList<>();
                List<BigDecimal> prices = new ArrayList<>();
                for (JsonNode price : item.path("prices")) {
                    profiles.add(price.path("userProfile").asText());
                    prices.add(new BigDecimal(price.path("amount").asText()));
                }
                byOperator.computeIfAbsent(item.path("operatorOrganisationId").asLong(), k -> new ArrayList<>())
                        .add(new Product(item.path("id").asText(), profiles, prices));
            }
            if (byOperator.isEmpty()) {
                throw new IllegalStateException("partner " + id + " has an empty catalog");
            }
            partners.add(new Partner(Long.parseLong(id), token, new ArrayList<>(byOperator.values())));
        }
        return new Population(partners);
    }

    /** The same as {@link #next}, as the body of POST /v1/sales (the key goes in the Idempotency-Key header). */
    Request nextRest(SplittableRandom random, String run) {
        Request request = next(random, "", run);
        String json = "{" + request.json().substring(request.json().indexOf("\"lines\""));
        return new Request(request.partner(), null, json, request.expectedTotal());
    }

    /**
     * A request of a random partner: one operator's products, one line (three in four) or two, one traveller (70 %),
     * two (25 %) or three per line, a random user profile; the run's name as the external reference.
     */
    Request next(SplittableRandom random, String key, String run) {
        Partner partner = partners.get(random.nextInt(partners.size()));
        List<Product> products = partner.byOperator().get(random.nextInt(partner.byOperator().size()));
        int lines = products.size() > 1 && random.nextInt(4) == 0 ? 2 : 1;
        int first = random.nextInt(products.size());
        StringBuilder json = new StringBuilder(256).append("{\"idempotencyKey\":\"").append(key).append("\",\"lines\":[");
        BigDecimal total = BigDecimal.ZERO;
        for (int l = 0; l < lines; l++) {
            Product product = products.get((first + l) % products.size());
            int profile = random.nextInt(product.profiles().size());
            int draw = random.nextInt(20);
            int quantity = draw < 14 ? 1 : draw < 19 ? 2 : 3;
            total = total.add(product.prices().get(profile).multiply(BigDecimal.valueOf(quantity)));
            json.append(l == 0 ? "" : ",").append("{\"productId\":\"").append(product.id()).append("\",\"userProfile\":\"")
                    .append(product.profiles().get(profile)).append("\",\"quantity\":").append(quantity).append('}');
        }
        json.append("],\"externalReference\":\"").append(run).append("\"}");
        return new Request(partner, key, json.toString(), total);
    }
}
