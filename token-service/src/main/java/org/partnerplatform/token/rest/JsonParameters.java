package org.partnerplatform.token.rest;

import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.partnerplatform.token.service.oauth.OAuthException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Token request parameters from a JSON body, as the hub's partners send them: a flat object of string values.
 * Anything else is an invalid_request, answered in OAuth form rather than as a JSON mapping problem.
 */
final class JsonParameters {
    private static final ObjectReader READER = new ObjectMapper().reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonParameters() {
    }

    static Map<String, List<String>> parse(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : READER.readTree(body);
        } catch (IOException e) {
            throw OAuthException.invalidRequest("the body is not a JSON object with each parameter once");
        }
        if (root == null || !root.isObject()) {
            throw OAuthException.invalidRequest("the body must be a JSON object");
        }
        Map<String, List<String>> parameters = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                continue;
            }
            if (!field.getValue().isTextual()) {
                throw OAuthException.invalidRequest("the parameter " + field.getKey() + " must be a string");
            }
            parameters.put(field.getKey(), List.of(field.getValue().textValue()));
        }
        return parameters;
    }
}
