package com.partnerflow;

import com.partnerflow.engine.InjectedEngineFaults;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lets a test make the engine refuse the service's commands of some gRPC methods, as an engine that
 * is away would, and let them through again; the rest of the service (workers, inbox) keeps
 * working. Off unless a test turns it on: every test of the shared context must {@link #clear} it
 * in a {@code finally}.
 */
public class EngineCommandFaults implements ClientInterceptor {

  private final AtomicReference<Set<String>> refused = new AtomicReference<>(Set.of());
  private final AtomicInteger refusals = new AtomicInteger();

  /** From now on every command of these methods (e.g. {@code PublishMessage}) fails UNAVAILABLE. */
  public void refuse(String... methods) {
    refused.set(Set.of(methods));
  }

  public void clear() {
    refused.set(Set.of());
  }

  /** How many commands were refused so far. */
  public int refusals() {
    return refusals.get();
  }

  @Override
  public <Q, A> ClientCall<Q, A> interceptCall(
      MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
    if (!refused.get().contains(method.getBareMethodName())) {
      return next.newCall(method, options);
    }
    refusals.incrementAndGet();
    return InjectedEngineFaults.failedCall(
        Status.UNAVAILABLE.withDescription("refused by the test's EngineCommandFaults"));
  }
}
