package org.partnerplatform.deploychecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * docker-compose.yml as Compose reads it. Jackson YAML reports anchors and aliases but does not resolve them, and
 * the file builds every service from x-service and x-postgres with merge keys ({@code <<: *service}): this reader
 * copies anchored nodes into their aliases and merges {@code <<} mappings (explicit keys win), then interpolates
 * ${VAR:-default} as a checkout with only the required secrets in .env would ({@link #resolve}).
 */
final class Compose {
    static final String FILE = "docker-compose.yml";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}");

    final JsonNode root;

    private Compose(JsonNode root) {
        this.root = root;
    }

    static Compose load() {
        try (YAMLParser parser = new YAMLFactory().createParser(Repo.path(FILE).toFile())) {
            parser.nextToken();
            return new Compose(new Reader(parser).read());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, JsonNode> services() {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        root.path("services").fields().forEachRemaining(e -> services.put(e.getKey(), e.getValue()));
        return services;
    }

    JsonNode service(String name) {
        return root.path("services").path(name);
    }

    /** A service's environment, uninterpolated (map or KEY=value list form). */
    static Map<String, String> rawEnvironment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        } else if (node.isArray()) {
            node.forEach(item -> {
                String[] kv = item.asText().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            });
        }
        return env;
    }

    /** A service's environment as the container gets it, with the file's defaults. */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        rawEnvironment(service).forEach((k, v) -> env.put(k, resolve(v)));
        return env;
    }

    /**
     * Compose's interpolation with no variable set: ${VAR:-default} and ${VAR-default} give the default, ${VAR:?error}
     * (a secret the operator must set in .env) gives <VAR>, ${VAR} and ${VAR:+alternative} nothing; $$ is a $.
     */
    static String resolve(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else if (m.group(2) == null || m.group(2).endsWith("+")) {
                replacement = "";
            } else if (m.group(2).endsWith("?")) {
                replacement = "<" + m.group(1) + ">";
            } else {
                replacement = m.group(3);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Builds the tree from Jackson's YAML tokens, resolving aliases and merge keys. */
    private static final class Reader {
        private final YAMLParser parser;
        private final Map<String, JsonNode> anchors = new HashMap<>();

        Reader(YAMLParser parser) {
            this.parser = parser;
        }

        /** The node at the current token; leaves the parser on its last token. */
        JsonNode read() throws IOException {
            String anchor = parser.getObjectId() == null ? null : parser.getObjectId().toString();
            JsonNode node;
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_STRING && parser.isCurrentAlias()) {
                JsonNode target = anchors.get(parser.getText());
                if (target == null) {
                    throw new IllegalStateException(FILE + ": alias *" + parser.getText() + " before its anchor");
                }
                return target.deepCopy();
            } else if (token == JsonToken.START_OBJECT) {
                node = mapping();
            } else if (token == JsonToken.START_ARRAY) {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read());
                }
                node = array;
            } else if (token == JsonToken.VALUE_NULL) {
                node = JsonNodeFactory.instance.nullNode();
            } else {
                node = JsonNodeFactory.instance.textNode(parser.getText());
            }
            if (anchor != null) {
                anchors.put(anchor, node);
            }
            return node;
        }

        private ObjectNode mapping() throws IOException {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            List<JsonNode> merged = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_OBJECT) {
                String key = parser.currentName();
                parser.nextToken();
                JsonNode value = read();
                if ("<<".equals(key)) {
                    if (value.isArray()) {
                        value.forEach(merged::add);
                    } else {
                        merged.add(value);
                    }
                } else {
                    object.set(key, value);
                }
            }
            // YAML merge: keys of the mapping itself win, then the merged mappings in order.
            for (JsonNode source : merged) {
                for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!object.has(e.getKey())) {
                        object.set(e.getKey(), e.getValue().deepCopy());
                    }
                }
            }
            return object;
        }
    }

    static boolean isOneShot(JsonNode service) {
        return Set.of("no", "false").contains(service.path("restart").asText("no"));
    }
}
