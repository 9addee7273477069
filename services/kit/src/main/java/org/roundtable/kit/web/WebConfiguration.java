package org.roundtable.kit.web;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.roundtable.kit.actor.CorrelationIdFilter;
import org.roundtable.kit.actor.RequestActors;
import org.roundtable.kit.authority.OpenTo;
import org.roundtable.kit.authority.OpenToInterceptor;
import org.roundtable.kit.authority.SendsInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Problem+json for every refusal and every error, whoever raises it (a controller, a filter, the firewall, the
 * container), a correlation id on every request, query parameters every query can take, request bodies capped at
 * {@code roundtable.web.max-body-size} (1 MB unless set; a larger one is refused with 413 before it is read), and
 * endpoints marked
 * {@link org.roundtable.kit.authority.Sends} open only to the roles their command declares.
 */
@AutoConfiguration(beforeName = {"org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebConfiguration {

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(ProblemResponses problems) {
        return new ProblemDetailsAdvice(problems);
    }

    @Bean
    UnexpectedErrorAdvice unexpectedErrorAdvice(ProblemResponses problems) {
        return new UnexpectedErrorAdvice(problems);
    }

    @Bean
    ProblemErrorController problemErrorController(ProblemResponses problems) {
        return new ProblemErrorController(problems);
    }

    /** Addresses the security firewall refuses (an encoded slash, a NUL, a path that climbs out) are a 400, not a 500. */
    @Bean
    RequestRejectedHandler problemRequestRejectedHandler(ProblemResponses problems) {
        return (request, response, rejected) -> problems.write(request, response, HttpStatus.BAD_REQUEST, "Bad Request",
                "the request's address holds characters or sequences this service refuses");
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestParameterGuard> requestParameterGuard(ProblemResponses problems) {
        FilterRegistrationBean<RequestParameterGuard> registration = new FilterRegistrationBean<>(new RequestParameterGuard(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(ProblemResponses problems,
                                                       @Value("${roundtable.web.max-body-size:1MB}") DataSize maxBodySize) {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(new BodySizeLimit(maxBodySize, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tomcat.class)
    static class ContainerErrors {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }

    @Bean
    WebMvcConfigurer sendsInterceptor(ObjectProvider<RequestActors> actors) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                actors.ifAvailable(requestActors -> registry.addInterceptor(new SendsInterceptor(requestActors)));
            }
        };
    }

    /** Endpoints {@link OpenTo} some roles are refused to every other caller, whether or not the service sends commands. */
    @Bean
    WebMvcConfigurer openToInterceptor(ObjectProvider<RequestActors> actors) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new OpenToInterceptor(actors.getIfAvailable(RequestActors::new)));
            }
        };
    }
}
