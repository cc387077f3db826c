package com.partnerflow.engine;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Test-only fault injection ({@link FaultInjectionProperties}): the Camunda client takes every
 * {@link ClientInterceptor} bean, so while the share is above 0 this one answers that share of the
 * chosen commands with {@code RESOURCE_EXHAUSTED} or {@code UNAVAILABLE} instead of sending them,
 * as a broker under backpressure or a gateway without a leader would. Each fault is counted in
 * {@code partnerflow.engine.injected.faults} (method, code) and logged.
 */
@Component
@ConditionalOnExpression("${partnerflow.engine.fault-injection.share:0} > 0")
public class InjectedEngineFaults implements ClientInterceptor {

  private static final Logger log = LoggerFactory.getLogger(InjectedEngineFaults.class);

  private final FaultInjectionProperties properties;
  private final MeterRegistry meters;
  private final Random random;

  @Autowired
  InjectedEngineFaults(FaultInjectionProperties properties, MeterRegistry meters) {
    this(properties, meters, new Random());
  }

  InjectedEngineFaults(FaultInjectionProperties properties, MeterRegistry meters, Random random) {
    this.random = random;
    this.properties = properties;
    this.meters = meters;
    log.warn(
        "Engine fault injection is on: {} of {} fail without reaching the engine",
        properties.share(),
        properties.methods());
  }

  @Override
  public <Q, A> ClientCall<Q, A> interceptCall(
      MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
    String name = method.getBareMethodName();
    if (!properties.methods().contains(name) || random.nextDouble() >= properties.share()) {
      return next.newCall(method, options);
    }
    Status status = random.nextBoolean() ? Status.RESOURCE_EXHAUSTED : Status.UNAVAILABLE;
    meters
        .counter(
            "partnerflow.engine.injected.faults", "method", name, "code", status.getCode().name())
        .increment();
    log.info("Injected {} into {}", status.getCode(), name);
    return failedCall(status.withDescription("injected by partnerflow.engine.fault-injection"));
  }

  /**
   * A call that never reaches the engine and closes with the status once its request is sent, as a
   * gateway that refuses it would.
   */
  public static <Q, A> ClientCall<Q, A> failedCall(Status status) {
    return new FailedCall<>(status);
  }

  private static final class FailedCall<Q, A> extends ClientCall<Q, A> {

    private final Status status;
    private Listener<A> listener;

    FailedCall(Status status) {
      this.status = status;
    }

    @Override
    public void start(Listener<A> responseListener, Metadata headers) {
      listener = responseListener;
    }

    @Override
    public void request(int messages) {}

    @Override
    public void cancel(String message, Throwable cause) {}

    @Override
    public void halfClose() {
      listener.onClose(status, new Metadata());
    }

    @Override
    public void sendMessage(Q message) {}
  }
}
