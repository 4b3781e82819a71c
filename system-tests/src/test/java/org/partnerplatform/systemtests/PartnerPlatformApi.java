package org.partnerplatform.systemtests;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.partnerplatform.devinfra.Platform.Service;
import org.partnerplatform.events.Topics;

import io.restassured.http.ContentType;

/** The platform's public APIs as an operator, a partner and finance use them: plain HTTP with tokens. */
final class PartnerPlatformApi {
    record Credentials(String clientId, String clientSecret) {
    }

    private PartnerPlatformApi() {
    }

    /** The hub's way: a JSON body with the client's credentials and the audience. */
    static String token(Credentials client) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("grant_type", "client_credentials", "client_id", client.clientId(), "client_secret", client.clientSecret(),
                        "audience", RunningPlatform.AUDIENCE))
                .post(RunningPlatform.url(Service.TOKEN) + "/oauth/token")
                .then().statusCode(200).extract().path("access_token");
    }

    static String adminToken() {
        return token(new Credentials(RunningPlatform.ADMIN_CLIENT_ID, RunningPlatform.ADMIN_CLIENT_SECRET));
    }

    static long registerOrganisation(String admin, String name, String type, String codespace) {
        var body = codespace == null ? Map.of("name", name, "type", type) : Map.of("name", name, "type", type, "codespace", codespace);
        Number id = given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .post(RunningPlatform.url(Service.TOKEN) + "/v1/organisations")
                .then().statusCode(201).extract().path("organisationId");
        return id.longValue();
    }

    static Credentials createClient(String admin, long organisationId, String name, String... roles) {
        var response = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", name, "roles", List.of(roles)))
                .post(RunningPlatform.url(Service.TOKEN) + "/v1/organisations/{id}/clients", organisationId)
                .then().statusCode(201).extract();
        Credentials credentials = new Credentials(response.path("clientId"), response.path("clientSecret"));
        IssuedSecrets.record(credentials.clientSecret());
        return credentials;
    }

    static void createPublishedProduct(String admin, String id, long operatorOrganisationId, Map<String, String> pricePerProfile) {
        var prices = pricePerProfile.entrySet().stream().map(e -> Map.of("userProfile", e.getKey(), "amount", e.getValue())).toList();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("id", id, "operatorOrganisationId", operatorOrganisationId, "codespace", id.substring(0, 3),
                        "name", Map.of("nb", "Standardbillett", "en", "Standard ticket"), "prices", prices,
                        "distributionChannels", List.of("WEB"), "validFrom", "2020-01-01"))
                .post(RunningPlatform.url(Service.CATALOG) + "/v1/admin/products").then().statusCode(201);
        given().auth().oauth2(admin).post(RunningPlatform.url(Service.CATALOG) + "/v1/admin/products/{id}/publish", id)
                .then().statusCode(200);
    }

    static String createActiveAgreement(String admin, long partner, long operator, List<String> productIds, int commissionBasisPoints,
            String environment) {
        String id = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("partnerOrganisationId", partner, "operatorOrganisationId", operator, "allProducts", false,
                        "productIds", productIds, "rights", List.of("SELL", "REFUND"), "distributionChannelId", "WEB",
                        "commissionBasisPoints", commissionBasisPoints, "validFrom", "2020-01-01"))
                .post(RunningPlatform.url(Service.CATALOG) + "/v1/admin/agreements").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).post(RunningPlatform.url(Service.CATALOG) + "/v1/admin/agreements/{id}/activate", id)
                .then().statusCode(200);
        given().auth().oauth2(admin).put(RunningPlatform.url(Service.CATALOG) + "/v1/admin/agreements/{id}/readiness/{env}", id, environment)
                .then().statusCode(200);
        return id;
    }

    /** A partner ready to sell one operator's product (5 % commission, ready in STAGING), and a FINANCE client to read its ledger. */
    record Seller(long operator, long partner, Credentials client, Credentials finance) {
    }

    /** Onboards a {@link Seller} through the APIs and waits until sales-service has the product and the agreement. */
    static Seller onboardSeller(String operatorName, String codespace, String partnerName, String clientName, String productId, String adultPrice) {
        String admin = adminToken();
        long operator = registerOrganisation(admin, operatorName, "OPERATOR", codespace);
        long partner = registerOrganisation(admin, partnerName, "PARTNER", null);
        Credentials client = createClient(admin, partner, clientName, "PARTNER");
        Credentials finance = createClient(admin, 1, clientName + "-finance", "FINANCE");
        createPublishedProduct(admin, productId, operator, Map.of("ADULT", adultPrice));
        createActiveAgreement(admin, partner, operator, List.of(productId), 500, "STAGING");
        awaitConsumed("sales-service-catalog", Set.of(Topics.CATALOG_PRODUCTS, Topics.CATALOG_AGREEMENTS), Duration.ofSeconds(60));
        return new Seller(operator, partner, client, finance);
    }

    /** Waits until a consumer group has committed offsets up to the current end of the topics: it has applied all of it. */
    static void awaitConsumed(String group, Set<String> topics, Duration timeout) {
        try (Admin admin = RunningPlatform.get().kafka().admin()) {
            var partitions = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toSet());
            var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all().get(10, TimeUnit.SECONDS);
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                boolean caughtUp = partitions.stream().allMatch(tp -> {
                    long end = ends.get(tp).offset();
                    OffsetAndMetadata offset = committed.get(tp);
                    return end == 0 || (offset != null && offset.offset() >= end);
                });
                if (caughtUp) {
                    return;
                }
                Thread.sleep(250);
            }
            throw new AssertionError(group + " did not consume " + topics + " within " + timeout);
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
