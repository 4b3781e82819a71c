package org.partnerplatform.token.rest;

import org.partnerplatform.web.ProblemException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A JSON body that may be left out altogether (no body, no Content-Type), as for a secret rotation with the default
 * grace period: JAX-RS would answer such a request 415 before a JSON parameter could be null. Unknown fields and
 * malformed JSON are problems like everywhere else.
 */
final class OptionalBody {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private OptionalBody() {
    }

    static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            return null;
        }
        ObjectReader reader = MAPPER.readerFor(type);
        try {
            return reader.readValue(body);
        } catch (java.io.IOException e) {
            throw ProblemException.badRequest("malformed-json", "the body is not a JSON object of the expected shape");
        }
    }
}
