package org.partnerplatform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The patterns REST bodies are validated by are the ones the event schemas define. */
class PatternsTest {

    static JsonNode schema(String name) throws IOException {
        try (InputStream in = PatternsTest.class.getClassLoader().getResourceAsStream("schemas/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void theSharedPatternsAreTheSchemas() throws IOException {
        JsonNode defs = schema("common.json").get("$defs");
        assertThat(Patterns.NETEX_ID).isEqualTo(defs.get("netexId").get("pattern").asText());
        assertThat(Patterns.USER_PROFILE).isEqualTo(defs.get("userProfile").get("pattern").asText());
        assertThat(Patterns.TICKET_VALIDITY).isEqualTo(defs.get("ticketValidity").get("pattern").asText());
        assertThat(Patterns.RATE).isEqualTo(defs.get("rate").get("pattern").asText());
        JsonNode key = schema(EventType.SALE_REQUEST.ceType() + ".json").get("properties").get("idempotencyKey");
        assertThat(Patterns.IDEMPOTENCY_KEY).isEqualTo(key.get("pattern").asText().replace("]+$", "]{" + key.get("minLength").asInt() + ","
                + key.get("maxLength").asInt() + "}$"));
        assertThat(defs.get("environment").get("enum")).extracting(JsonNode::asText)
                .containsExactly(java.util.Arrays.stream(Environment.values()).map(Enum::name).toArray(String[]::new));
    }
}
