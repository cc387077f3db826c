package io.camunda.zeebe.process.test.engine;

import com.partnerflow.engine.internal.LogRecordStream;
import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.ServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;

/**
 * Partnerflow's own code, not part of zeebe-process-test: its in-process engine (in-memory log,
 * controlled clock, gRPC gateway, record stream, idle monitor) around a state store that the caller
 * opens, where {@link EngineFactory} always creates its in-memory store. Its record stream is
 * {@link LogRecordStream}, which reads the log for less than the library's.
 *
 * <p>Why it sits in zeebe-process-test's package: the gateway, log storage and idle monitor are
 * package-private, so this class reuses them as they are instead of carrying copies of them. At run
 * time the package is shared because the application and the library are loaded by one class loader
 * (the class path, or the launcher of an executable jar); a restarting class loader such as Spring
 * Boot DevTools' would break that. Only the order of the wiring follows {@code EngineFactory}; keep
 * it in step with the {@code zeebe-process-test-engine} version in pom.xml (a changed constructor
 * fails the compilation here).
 */
public final class ExternalStateEngineAssembly {

  private static final int PARTITION_ID = 1;
  private static final int PARTITION_COUNT = 1;

  private ExternalStateEngineAssembly() {}

  /**
   * An engine that is not started yet, with its gRPC gateway on {@code port}. The engine owns
   * {@code state} once this returns: its {@code stop()} closes it. When this throws, the caller
   * still owns it.
   */
  public static ZeebeTestEngine assemble(int port, ZeebeDb<ZbColumnFamilies> state) {
    var clock = new ControlledActorClock();
    var scheduler = ActorScheduler.newActorScheduler().setActorClock(clock).build();
    scheduler.start();
    try {
      var logStorage = new InMemoryLogStorage();
      var logStream =
          LogStream.builder()
              .withPartitionId(PARTITION_ID)
              .withLogStorage(logStorage)
              .withClock(clock)
              .withMeterRegistry(new SimpleMeterRegistry())
              .build();
      var commandWriter = new CommandWriter(logStream.newLogStreamWriter());
      var commandSender = new CommandSender(commandWriter);
      var requests = new GatewayRequestStore();
      var jobStreamer = new InMemoryJobStreamer(commandWriter);
      var gateway =
          new GrpcToLogStreamGateway(
              commandWriter, PARTITION_ID, PARTITION_COUNT, port, requests, jobStreamer);
      var responses = new OneResponseAtATime(new GrpcResponseWriter(gateway, requests, null));

      // As in zeebe-process-test: one partition, authorizations off (the gateway has no identity).
      var security = new SecurityConfiguration();
      security.getAuthorizations().setEnabled(false);
      var engine =
          new Engine(
              context ->
                  EngineProcessors.createEngineProcessors(
                      context,
                      PARTITION_COUNT,
                      new SubscriptionCommandSender(context.getPartitionId(), commandSender),
                      commandSender,
                      FeatureFlags.createDefault(),
                      jobStreamer,
                      SearchClientsProxy.noop(),
                      new BrokerRequestAuthorizationConverter(security)),
              new EngineConfiguration(),
              security);
      var streamProcessor =
          StreamProcessor.builder()
              .logStream(logStream)
              .zeebeDb(state)
              .commandResponseWriter(responses)
              .partitionCommandSender(commandSender)
              .recordProcessors(List.of(engine))
              .actorSchedulingService(scheduler)
              .clock(new ControllableStreamClockImpl(clock))
              .meterRegistry(new SimpleMeterRegistry())
              .build();

      return new InMemoryEngine(
          ServerBuilder.forPort(port).addService(gateway).build(),
          streamProcessor,
          gateway,
          state,
          logStream,
          scheduler,
          new LogRecordStream(logStream.newLogStreamReader(), PARTITION_ID),
          clock,
          new EngineStateMonitor(logStorage, streamProcessor));
    } catch (RuntimeException | Error e) {
      scheduler.stop();
      throw e;
    }
  }
}
