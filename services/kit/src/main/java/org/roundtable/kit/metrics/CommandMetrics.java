package org.roundtable.kit.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.roundtable.kit.domain.DomainRefusal;

/** Times every handled command as {@code roundtable.commands}, tagged with the command and its outcome. */
public class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final MeterRegistry registry;

    public CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "accepted";
        try {
            return chain.proceed();
        } catch (DomainRefusal refusal) {
            outcome = "refused";
            throw refusal;
        } catch (Exception failure) {
            outcome = "failed";
            throw failure;
        } finally {
            String command = unitOfWork.getMessage().getCommandName();
            sample.stop(Timer.builder("roundtable.commands")
                    .description("Commands handled, by outcome")
                    .tag("command", command.substring(command.lastIndexOf('.') + 1))
                    .tag("outcome", outcome)
                    .register(registry));
        }
    }
}
