package org.partnerplatform.web;

/**
 * A failure that the caller should see as a problem details response: thrown by services, mapped by
 * {@link ProblemMappers}. The code becomes the last segment of the problem type URI.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String code;
    private final String title;

    public ProblemException(int status, String code, String title, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " was not found");
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(400, code, "Bad request", detail);
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(409, code, "Conflict", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    public static ProblemException unprocessable(String code, String detail) {
        return new ProblemException(422, code, "Unprocessable request", detail);
    }

    public Problem toProblem() {
        return Problem.of(status, code, title, getMessage());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
