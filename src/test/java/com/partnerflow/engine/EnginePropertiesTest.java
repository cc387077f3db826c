package com.partnerflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnginePropertiesTest {

  static EngineProperties embeddedStartingAt(Instant startInstant) {
    return new EngineProperties(
        true, 0, List.of(), Duration.ofSeconds(1), startInstant, EngineProperties.State.defaults());
  }

  @Test
  void aStartInstantInTheFutureIsKept() {
    Instant later = Instant.now().plus(Duration.ofDays(30));

    assertThat(embeddedStartingAt(later).startInstant()).isEqualTo(later);
    assertThat(embeddedStartingAt(null).startInstant()).isNull();
  }

  @Test
  void aStartInstantInThePastIsRefusedNamingTheSettingAndWhy() {
    assertThatThrownBy(() -> embeddedStartingAt(Instant.parse("2020-01-01T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partnerflow.engine.start-instant 2020-01-01T00:00:00Z")
        .hasMessageContaining("lies in the past")
        .hasMessageContaining("only moves forward");
  }

  @Test
  void aClusterKeepsItsOwnTime() {
    Instant later = Instant.now().plus(Duration.ofDays(30));

    assertThatThrownBy(
            () ->
                new EngineProperties(
                    false,
                    0,
                    List.of(),
                    Duration.ofSeconds(1),
                    later,
                    EngineProperties.State.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("embedded engine only");
  }
}
