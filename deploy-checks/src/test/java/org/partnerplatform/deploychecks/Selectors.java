package org.partnerplatform.deploychecks;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Kubernetes label selectors, evaluated as the API server does (matchLabels and matchExpressions, ANDed). */
final class Selectors {
    private Selectors() {
    }

    /** Whether the selector selects these labels. An empty selector selects everything, as in a NetworkPolicy. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                if (!matches(r, labels)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the selector (matchLabels only, as Services have) selects these labels; an empty one selects nothing. */
    static boolean matches(Map<String, String> serviceSelector, Map<String, String> labels) {
        return serviceSelector != null && !serviceSelector.isEmpty()
                && serviceSelector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    static boolean isEmpty(LabelSelector selector) {
        return selector == null || (empty(selector.getMatchLabels()) && empty(selector.getMatchExpressions()));
    }

    static Map<String, String> podLabels(Deployment deployment) {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    private static boolean matches(LabelSelectorRequirement r, Map<String, String> labels) {
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        String value = labels.get(r.getKey());
        return switch (r.getOperator()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new IllegalArgumentException("unknown selector operator " + r.getOperator());
        };
    }

    private static boolean empty(Map<?, ?> map) {
        return map == null || map.isEmpty();
    }

    private static boolean empty(List<?> list) {
        return list == null || list.isEmpty();
    }
}
