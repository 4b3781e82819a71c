package org.partnerplatform.catalog.service;

import org.partnerplatform.web.ProblemException;

/** The 409 answers that tell a client its view is out of date, worded alike for products and agreements. */
final class Conflicts {
    private Conflicts() {
    }

    /** The caller based its change on a version that is no longer current. */
    static ProblemException staleVersion(String what, long expected, long actual) {
        return ProblemException.conflict("stale-version", what + " is at version " + actual + ", not " + expected + "; read it again");
    }

    /** Another transaction changed it between our read and our write (the @Version check at flush failed). */
    static ProblemException changedConcurrently(String what) {
        return ProblemException.conflict("stale-version", what + " was changed by someone else at the same time; read it again");
    }
}
