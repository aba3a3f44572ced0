package org.hozon.archive.service;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What this node knows about each archive target's availability: a call that failed for a reason
 * of the target (unreachable, an S3 error) marks it unavailable; the recovery timer probes it and
 * marks it available again. While a target is unavailable, attempts skip it at once instead of
 * compressing and encrypting an instance only to fail its PUT. This state is per node and only
 * saves work: the database alone decides what is archived.
 */
@ApplicationScoped
public class TargetHealth {
    private static final Logger LOG = Logger.getLogger(TargetHealth.class.getName());

    /**
     * One target's state.
     *
     * @param up            whether calls are made to it
     * @param since         when it became up or down (null: up since start)
     * @param lastError     the last failure, or null
     * @param lastFailureAt when that was, or null
     * @param lastSuccessAt the last successful call, or null
     */
    public record State(boolean up, Instant since, String lastError, Instant lastFailureAt, Instant lastSuccessAt) {
        static final State INITIAL = new State(true, null, null, null, null);
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();

    /**
     * @param target a target's name
     * @return its state
     */
    public State state(String target) {
        return states.getOrDefault(target, State.INITIAL);
    }

    /**
     * @param target a target's name
     * @return whether archive and deletion calls are made to it now
     */
    public boolean isUp(String target) {
        return state(target).up();
    }

    /**
     * A call to the target succeeded (or a probe did).
     *
     * @param target a target's name
     * @return whether it was unavailable until now
     */
    public boolean succeeded(String target) {
        Instant now = Instant.now();
        State before = states.getOrDefault(target, State.INITIAL);
        states.compute(target, (k, s) -> {
            State was = s == null ? State.INITIAL : s;
            return new State(true, was.up() ? was.since() : now, was.lastError(), was.lastFailureAt(), now);
        });
        if (!before.up()) {
            LOG.info(() -> "archive target " + target + " is available again");
            return true;
        }
        return false;
    }

    /**
     * A call to the target failed for a reason of the target.
     *
     * @param target a target's name
     * @param error  what went wrong
     */
    public void failed(String target, String error) {
        Instant now = Instant.now();
        State before = states.getOrDefault(target, State.INITIAL);
        states.compute(target, (k, s) -> {
            State was = s == null ? State.INITIAL : s;
            return new State(false, was.up() ? now : was.since(), error, now, was.lastSuccessAt());
        });
        if (before.up()) {
            LOG.warning(() -> "archive target " + target + " is unavailable: " + error);
        }
    }

    /**
     * @param target a target's name
     * @return why it is skipped, for a task's last error
     */
    public String describe(String target) {
        State s = state(target);
        return "unavailable since " + s.since() + ": " + s.lastError();
    }
}
