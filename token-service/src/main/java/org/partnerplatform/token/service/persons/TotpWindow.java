package org.partnerplatform.token.service.persons;

import java.time.Instant;
import java.util.function.LongFunction;

/**
 * Which TOTP codes are accepted (RFC 6238 §5.2): those of the current 30-second step and of the one before and after
 * it (clocks of phones drift), and only of a step later than the last one accepted, so that a code seen over a
 * shoulder or in a log is never accepted twice.
 */
public final class TotpWindow {
    public static final long STEP_SECONDS = 30;
    static final int STEPS_EITHER_SIDE = 1;

    private TotpWindow() {
    }

    public static long stepAt(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    /**
     * The step whose code this is, or -1 when it is none of the window's or not after {@code lastStep}.
     *
     * @param codeAt the code of a step (the secret's HMAC)
     */
    public static long accepted(String code, Instant now, long lastStep, LongFunction<String> codeAt) {
        if (code == null || !code.matches("[0-9]{6}")) {
            return -1;
        }
        long current = stepAt(now);
        for (long step = current - STEPS_EITHER_SIDE; step <= current + STEPS_EITHER_SIDE; step++) {
            if (step > lastStep && codeAt.apply(step).equals(code)) {
                return step;
            }
        }
        return -1;
    }
}
