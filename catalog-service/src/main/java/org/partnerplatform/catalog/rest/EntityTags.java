package org.partnerplatform.catalog.rest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import jakarta.ws.rs.core.EntityTag;

import org.partnerplatform.web.ProblemException;

/**
 * Entity tags: a product's or agreement's tag is its version, so that a client may send back what it read in
 * If-Match; the catalog's tag is a digest of the exact bytes it answers with, so If-None-Match can spare the body.
 */
final class EntityTags {
    private EntityTags() {
    }

    static EntityTag ofVersion(long version) {
        return new EntityTag(Long.toString(version));
    }

    static EntityTag ofContent(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The version an If-Match header names (3, "3" or W/"3"), or null when there is none or it is "*". */
    static Long versionOf(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = opaque(ifMatch.trim());
        if (!value.matches("[0-9]{1,18}")) {
            throw ProblemException.badRequest("invalid-if-match", "If-Match must carry the version that was read, e.g. \"3\"");
        }
        return Long.parseLong(value);
    }

    /** The version to check an update against: If-Match or the body's version field; both given must agree. */
    static Long expectedVersion(String ifMatch, Long bodyVersion) {
        Long header = versionOf(ifMatch);
        if (header != null && bodyVersion != null && !header.equals(bodyVersion)) {
            throw ProblemException.badRequest("version-mismatch", "If-Match says version " + header + " but the body says " + bodyVersion);
        }
        return header != null ? header : bodyVersion;
    }

    /** Whether If-None-Match names the tag (weak comparison, as RFC 9110 prescribes for If-None-Match). */
    static boolean noneMatchHits(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || opaque(trimmed).equals(tag.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        String value = tag.startsWith("W/") ? tag.substring(2) : tag;
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return value;
    }
}
