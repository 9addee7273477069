package org.roundtable.benchmarks;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The Gatling simulation of one {@link HttpLoad}: its users start at once and each sends the request again and again,
 * with its own connection kept alive, until the load's duration is over or the feeder runs dry.
 */
public class RequestLoadSimulation extends Simulation {

    {
        HttpLoad load = HttpLoad.current();
        HttpProtocolBuilder protocol = http.baseUrl(load.baseUrl())
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .disableCaching()
                .warmUp(load.baseUrl() + "/actuator/health");
        HttpRequestActionBuilder request = (load.body() == null ? http(load.name()).get(load.path())
                : http(load.name()).post(load.path()).body(StringBody(load.body())))
                .header("Authorization", "Bearer #{token}")
                .check(responseTimeInMillis().saveAs("responseTime"), status().saveAs("status"), status().is(load.expectedStatus()));
        ScenarioBuilder scenario = scenario(load.name()).during(load.duration()).on(
                feed(load.feeder()).exec(request).exec(session -> {
                    HttpLoad.answered(session.contains("status") ? session.getInt("status") : -1,
                            session.contains("responseTime") ? session.getInt("responseTime") : 0);
                    return session.remove("status").remove("responseTime");
                }));
        setUp(scenario.injectOpen(atOnceUsers(load.users()))).protocols(protocol).maxDuration(load.duration().plusMinutes(1));
    }
}
