package org.partnerplatform.events;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Validates event payloads against the JSON Schema of their type (draft 2020-12, schemas/ on the classpath). */
public final class EventSchemas {
    public static final String SCHEMA_BASE_URI = "https://partnerplatform.org/schemas/";
    private static final Map<EventType, JsonSchema> SCHEMAS = load();

    private EventSchemas() {
    }

    private static Map<EventType, JsonSchema> load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(SCHEMA_BASE_URI, "classpath:schemas/")));
        Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            JsonSchema schema = factory.getSchema(SchemaLocation.of(SCHEMA_BASE_URI + type.ceType() + ".json"));
            schema.initializeValidators();
            schemas.put(type, schema);
        }
        return schemas;
    }

    /** The violations of a JSON document against its type's schema; empty when it is valid. */
    public static List<String> violations(EventType type, String json) {
        JsonNode node;
        try {
            node = EventJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        return violations(type, node);
    }

    public static List<String> violations(EventType type, JsonNode node) {
        Set<ValidationMessage> messages = SCHEMAS.get(type).validate(node);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** Throws {@link InvalidEventException} naming every violation. */
    public static void requireValid(EventType type, String json) {
        List<String> violations = violations(type, json);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(type.ceType() + " does not match its schema: " + String.join("; ", violations));
        }
    }
}
