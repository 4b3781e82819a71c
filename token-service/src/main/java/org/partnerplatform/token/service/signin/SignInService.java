package org.partnerplatform.token.service.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.keys.KeyEncryption;
import org.partnerplatform.token.config.TokenConfig;
import org.partnerplatform.token.repository.AuditEvent;
import org.partnerplatform.token.repository.AuthorizationCode;
import org.partnerplatform.token.repository.Organisation;
import org.partnerplatform.token.repository.OrganisationStatus;
import org.partnerplatform.token.repository.Person;
import org.partnerplatform.token.repository.Timestamps;
import org.partnerplatform.token.service.ClientSecrets;
import org.partnerplatform.token.service.RandomValues;
import org.partnerplatform.token.service.oauth.FailedGrantThrottle;
import org.partnerplatform.token.service.persons.EmailAddresses;
import org.partnerplatform.token.service.persons.PersonService;
import org.partnerplatform.token.service.persons.SecondFactor;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Checks a person's e-mail address, password and second factor (a TOTP code, each accepted once), and gives the
 * web client an authorization code for them. A
 * failure never says whether the address exists: an unknown address is checked against a decoy hash, so it takes
 * as long as a wrong password, and both answer the same. Failures of one address (known or not) are slowed down
 * as failed client authentications are (a doubling delay after the free ones, per replica).
 */
@ApplicationScoped
public class SignInService {
    private final ClientSecrets hasher;
    private final SecondFactor secondFactor;
    private final FailedGrantThrottle throttle;
    private final Duration codeLifetime;
    private final int maxCodeFailures;
    /** The least time a failed sign-in takes, whatever failed. */
    static final Duration MIN_FAILURE_TIME = Duration.ofMillis(500);

    public SignInService(ClientSecrets hasher, SecondFactor secondFactor, TokenConfig config, Clock clock) {
        this.hasher = hasher;
        this.secondFactor = secondFactor;
        TokenConfig.Throttle t = config.persons().throttle();
        this.throttle = new FailedGrantThrottle(clock, t.freeFailures(), t.baseDelay(), t.maxDelay(), t.forgetAfter(), t.maxTracked());
        this.codeLifetime = config.persons().codeLifetime();
        this.maxCodeFailures = config.persons().maxCodeFailures();
    }

    /** The outcome of a sign-in: the person, or nothing (wrong address or password), or wait retryAfter. */
    public record Outcome(Person person, Duration retryAfter) {
        public boolean throttled() {
            return retryAfter != null;
        }
    }

    /** Checks the address, the password and the code of the person's authenticator app; every failure looks alike. */
    public Uni<Outcome> authenticate(String email, String password, String totpCode) {
        long started = System.nanoTime();
        String address = EmailAddresses.normalise(email);
        String key = address != null ? address : String.valueOf(email).trim().toLowerCase(Locale.ROOT);
        FailedGrantThrottle.Decision decision = throttle.begin(key);
        if (decision.refused()) {
            return Uni.createFrom().item(new Outcome(null, decision.retryAfter()));
        }
        Uni<Person> found = address == null ? Uni.createFrom().nullItem() : Panache.withSession(() -> Person.activeByEmail(address)
                .chain(person -> person == null ? Uni.createFrom().<Person> nullItem()
                        : Organisation.byId(person.organisationId).map(o -> o.status == OrganisationStatus.ACTIVE ? person : null)));
        return found.chain(person -> hasher.verify(password == null ? "" : password, person == null ? null : person.passwordHash)
                .chain(matches -> {
                    if (person == null) {
                        return Uni.createFrom().item(new Outcome(null, null));
                    }
                    if (!matches) {
                        return failed(person, "wrong password", false);
                    }
                    if (person.signInResetAt != null) {
                        return failed(person, "right password, but the sign-in was reset: a new one is set through the reset's link", false);
                    }
                    if (person.totpFailures >= maxCodeFailures) {
                        return failed(person, "right password, second factor locked", false);
                    }
                    long step = secondFactor.accepted(new KeyEncryption.Sealed(person.totpSecretIv, person.totpSecretCiphertext), person.email,
                            totpCode, person.totpLastStep, Instant.now());
                    if (step < 0) {
                        // The right password with a wrong or replayed code: the organisation should know someone has it.
                        return failed(person, "right password, wrong or used code", true);
                    }
                    // Recorded only if no other sign-in took this step first: a code is accepted once.
                    return Panache.withTransaction(() -> Person.update("totpLastStep = ?1, totpFailures = 0 where personId = ?2 and totpLastStep < ?1",
                            step, person.personId).call(updated -> updated != 1 ? Uni.createFrom().voidItem()
                                    : AuditEvent.of(person.organisationId, "person:" + person.personId, AuditEvent.Action.PERSON_SIGNED_IN,
                                            person.personId, person.email).persist())).map(updated -> {
                                if (updated != 1) {
                                    return new Outcome(null, null);
                                }
                                throttle.succeeded(key);
                                return new Outcome(person, null);
                            });
                }))
                // A failure answers no sooner than MIN_FAILURE_TIME after the request: what a known address costs more
                // (its organisation, its audit entry) does not tell it from an unknown one.
                .call(outcome -> {
                    if (outcome.person() != null) {
                        return Uni.createFrom().voidItem();
                    }
                    long remaining = MIN_FAILURE_TIME.toNanos() - (System.nanoTime() - started);
                    return remaining <= 0 ? Uni.createFrom().voidItem()
                            : Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofNanos(remaining));
                });
    }

    /**
     * A failed sign-in of a known person, in their organisation's audit log (throttling bounds how many); a wrong code
     * after the right password also counts towards locking the second factor.
     */
    private Uni<Outcome> failed(Person person, String why, boolean wrongCode) {
        return Panache.withTransaction(() -> (wrongCode
                ? Person.update("totpFailures = totpFailures + 1 where personId = ?1", person.personId)
                : Uni.createFrom().item(0))
                .chain(() -> AuditEvent.of(person.organisationId, "person:" + person.personId, AuditEvent.Action.PERSON_SIGN_IN_FAILED,
                        person.personId, wrongCode && person.totpFailures + 1 >= maxCodeFailures
                                ? why + "; the second factor is now locked until the sign-in is reset" : why).persist()))
                .replaceWith(new Outcome(null, null));
    }

    /** A new single-use code for the request and the person who signed in; only its hash is stored. */
    public Uni<String> issueCode(AuthorizationRequest request, Person person) {
        String code = RandomValues.secret();
        Instant now = Timestamps.now();
        AuthorizationCode row = new AuthorizationCode();
        row.codeHash = PersonService.tokenHash(code);
        row.clientId = request.client().clientId();
        row.personId = person.personId;
        row.redirectUri = request.redirectUri();
        row.codeChallenge = request.codeChallenge();
        row.nonce = request.nonce();
        row.authTime = now;
        row.expiresAt = now.plus(codeLifetime);
        // Codes a day past their expiry are of no use, not even to see a replay: each new one clears them.
        return Panache.withTransaction(() -> AuthorizationCode.deleteExpiredBefore(now.minus(Duration.ofDays(1))).chain(row::persist))
                .replaceWith(code);
    }
}
