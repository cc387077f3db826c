package com.partnerflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class EmbeddedZeebeEngineTest {

  @Test
  void takenPortFailsWithOneClearMessageNamingThePortAndTheProperty() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();
      var engine = new EmbeddedZeebeEngine(port);

      assertThatThrownBy(engine::start)
          .isInstanceOf(EnginePortInUseException.class)
          .hasMessageContaining(Integer.toString(port));
      assertThat(engine.isRunning()).isFalse();

      FailureAnalysis analysis =
          new EnginePortInUseFailureAnalyzer()
              .analyze(new EnginePortInUseException(port, new java.io.IOException("in use")));
      assertThat(analysis.getDescription()).contains(Integer.toString(port));
      assertThat(analysis.getAction()).contains("partnerflow.engine.port");
    }
  }

  @Test
  void startsAndStopsOnAFreePort() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    var engine = new EmbeddedZeebeEngine(port);
    engine.start();
    try {
      assertThat(engine.isRunning()).isTrue();
      assertThat(engine.engine().getGatewayAddress()).endsWith(":" + port);
    } finally {
      engine.stop();
    }
    assertThat(engine.isRunning()).isFalse();
  }
}
