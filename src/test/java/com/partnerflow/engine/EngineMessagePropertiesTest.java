package com.partnerflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EngineMessagePropertiesTest {

  @Test
  void theDefaultsRetryAfterOneTwoFourSecondsAndSoOnUpToAMinute() {
    var properties = defaults(Duration.ofHours(1));

    assertThat(IntStream.rangeClosed(1, 8).mapToObj(properties.backoff()::after))
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(16),
            Duration.ofSeconds(32),
            Duration.ofMinutes(1),
            Duration.ofMinutes(1));
    assertThat(properties.lease()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void aMessageThatLivesShorterThanTwoAttemptsIsRefused() {
    assertThatThrownBy(() -> defaults(Duration.ofSeconds(19))).hasMessageContaining("time-to-live");
  }

  @Test
  void aBackoffThatShrinksIsRefused() {
    assertThatThrownBy(
            () ->
                new EngineMessageProperties(
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    0.5,
                    Duration.ofMinutes(1),
                    Duration.ofSeconds(10),
                    Duration.ofHours(1),
                    50))
        .hasMessage("partnerflow.engine.messages.multiplier must be ≥ 1");
  }

  private static EngineMessageProperties defaults(Duration timeToLive) {
    return new EngineMessageProperties(
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        2,
        Duration.ofMinutes(1),
        Duration.ofSeconds(10),
        timeToLive,
        50);
  }
}
