package org.roundtable.kit.idempotency;

import org.roundtable.kit.web.ProblemResponses;
import org.roundtable.kit.web.WebConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/** {@code Idempotency-Key} on every POST of every service, kept in the service's own database. */
@AutoConfiguration(after = WebConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(JdbcTemplate.class)
public class IdempotencyConfiguration {

    /** After the security filter chain (order -100), so the caller is known. */
    static final int ORDER = 0;

    @Bean
    IdempotentRequests idempotentRequests(JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
        return new IdempotentRequests(jdbc, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotentRequests requests, ProblemResponses problems) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(requests, problems));
        registration.setOrder(ORDER);
        return registration;
    }
}
