package org.roundtable.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Once a minute, each gateway instance deletes the expired sessions and the rate-limit buckets that have refilled.
 * Either deletion changes nothing anyone could notice, so instances doing it at the same time do no harm.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final PostgresSessionRepository sessions;
    private final PerUserRateLimiter rateLimiter;

    Housekeeping(PostgresSessionRepository sessions, PerUserRateLimiter rateLimiter) {
        this.sessions = sessions;
        this.rateLimiter = rateLimiter;
    }

    @Scheduled(fixedDelayString = "${roundtable.gateway.housekeeping-interval:PT1M}", initialDelayString = "${roundtable.gateway.housekeeping-interval:PT1M}")
    void forgetWhatNoLongerCounts() {
        try {
            int sessionsDeleted = sessions.deleteExpired();
            int bucketsDeleted = rateLimiter.forgetFullBuckets();
            log.debug("deleted {} expired sessions and {} full rate-limit buckets", sessionsDeleted, bucketsDeleted);
        } catch (DataAccessException failure) {
            log.warn("housekeeping skipped, the database cannot be reached: {}", failure.getMessage());
        }
    }
}
