package com.partnerflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InjectedEngineFaultsTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final Channel next = mock(Channel.class);

  @Test
  void aChosenCommandFailsWithBackpressureOrUnavailableWithoutReachingTheEngine() {
    var faults =
        new InjectedEngineFaults(
            new FaultInjectionProperties(1, List.of("PublishMessage")), meters, new Random(7));

    for (int i = 0; i < 20; i++) {
      assertThat(
              closeStatusOf(
                  faults.interceptCall(method("PublishMessage"), CallOptions.DEFAULT, next)))
          .isIn(Status.Code.RESOURCE_EXHAUSTED, Status.Code.UNAVAILABLE);
    }

    verify(next, never()).newCall(any(), any());
    // Each fault counted once under its code; the seeded draw gives both codes.
    assertThat(countOf("RESOURCE_EXHAUSTED") + countOf("UNAVAILABLE")).isEqualTo(20.0);
    assertThat(countOf("RESOURCE_EXHAUSTED")).isPositive();
    assertThat(countOf("UNAVAILABLE")).isPositive();
  }

  @Test
  void otherCommandsAndTheUnluckyShareGoToTheEngine() {
    var faults =
        new InjectedEngineFaults(
            new FaultInjectionProperties(1, List.of("PublishMessage")), meters, new Random(7));
    @SuppressWarnings("unchecked")
    ClientCall<String, String> real = mock(ClientCall.class);
    MethodDescriptor<String, String> complete = method("CompleteJob");
    when(next.newCall(complete, CallOptions.DEFAULT)).thenReturn(real);

    assertThat(faults.interceptCall(complete, CallOptions.DEFAULT, next)).isSameAs(real);
    assertThat(meters.find("partnerflow.engine.injected.faults").counters()).isEmpty();
  }

  @Test
  void aShareOutsideZeroToOneIsRefused() {
    assertThatThrownBy(() -> new FaultInjectionProperties(1.5, List.of("PublishMessage")))
        .hasMessageContaining("partnerflow.engine.fault-injection.share");
  }

  private double countOf(String code) {
    var counter = meters.find("partnerflow.engine.injected.faults").tag("code", code).counter();
    return counter == null ? 0 : counter.count();
  }

  private static Status.Code closeStatusOf(ClientCall<String, String> call) {
    AtomicReference<Status> closed = new AtomicReference<>();
    call.start(
        new ClientCall.Listener<>() {
          @Override
          public void onClose(Status status, Metadata trailers) {
            closed.set(status);
          }
        },
        new Metadata());
    call.sendMessage("request");
    call.halfClose();
    assertThat(closed.get()).as("closed once the request was sent").isNotNull();
    return closed.get().getCode();
  }

  private static MethodDescriptor<String, String> method(String name) {
    MethodDescriptor.Marshaller<String> text =
        new MethodDescriptor.Marshaller<>() {
          @Override
          public InputStream stream(String value) {
            return new ByteArrayInputStream(value.getBytes());
          }

          @Override
          public String parse(InputStream stream) {
            return "";
          }
        };
    return MethodDescriptor.<String, String>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName("gateway_protocol.Gateway/" + name)
        .setRequestMarshaller(text)
        .setResponseMarshaller(text)
        .build();
  }
}
