package org.partnerplatform.web;

import java.util.List;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Every error a service's REST API answers with is {@code application/problem+json} (RFC 9457). */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field)).toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return respond(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400, detail, null, errors));
    }

    /** quarkus-rest-jackson maps this subtype itself (as plain JSON); a more specific mapper here keeps problem+json. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
        String detail = field == null ? "the body does not have the expected shape" : "the field " + field + " has a value it cannot take";
        return respond(Problem.of(400, "malformed-json", "Malformed request body", detail));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return respond(Problem.of(400, "malformed-json", "Malformed request body", "the body is not valid JSON of the expected shape: " + e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Response.status(401).header("WWW-Authenticate", "Bearer").type(Problem.MEDIA_TYPE)
                .entity(Problem.of(401, "unauthorized", "Unauthorized", "a valid access token is required")).build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return Response.status(401).header("WWW-Authenticate", "Bearer error=\"invalid_token\"").type(Problem.MEDIA_TYPE)
                .entity(Problem.of(401, "invalid-token", "Unauthorized", "the access token is not valid")).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "the token does not grant this operation"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        String title = Response.Status.fromStatusCode(status) != null ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String detail = status == 404 ? "no such resource" : e.getMessage();
        return respond(Problem.of(status, title.toLowerCase().replace(' ', '-'), title, detail));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException p) {
                return problem(p);
            }
        }
        LOG.error("unexpected failure", e);
        return respond(Problem.of(500, "internal", "Internal error", "the request failed; it has been logged"));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String leaf(String path) {
        // "create.arg0.lines[0].quantity" -> "lines[0].quantity"
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }
}
