package org.partnerplatform.events;

/** A record that can never be processed as it is (bad JSON, schema violation, unknown type): it goes to the dead-letter topic. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }
}
