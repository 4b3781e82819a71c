package org.partnerplatform.catalog.service;

import java.util.ArrayList;
import java.util.List;

import org.partnerplatform.web.Problem;
import org.partnerplatform.web.ProblemException;

/**
 * A request that breaks a rule spanning several fields (which Bean Validation on one field cannot see). It answers
 * 400 with the same problem type and field list as a Bean Validation failure, so clients handle both alike.
 */
public class InvalidRequestException extends ProblemException {
    private final List<Problem.FieldError> errors;

    private InvalidRequestException(List<Problem.FieldError> errors) {
        super(400, "validation", "Invalid request", describe(errors));
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    @Override
    public Problem toProblem() {
        return new Problem(Problem.TYPE_BASE + code(), "Invalid request", status(), getMessage(), null, errors);
    }

    public static InvalidRequestException of(String field, String message) {
        return new InvalidRequestException(List.of(new Problem.FieldError(field, message)));
    }

    private static String describe(List<Problem.FieldError> errors) {
        return String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
    }

    /** Collects violations and throws them together, so that a client fixes a request in one round. */
    public static final class Collector {
        private final List<Problem.FieldError> errors = new ArrayList<>();

        public Collector add(String field, String message) {
            errors.add(new Problem.FieldError(field, message));
            return this;
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(errors);
            }
        }
    }
}
