package com.partnerflow.engine;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's messages that are due, on every service instance: whichever instance claims a
 * message first sends it, so an instance that crashed with messages in flight leaves them to the
 * others (or to itself after the restart).
 */
@Component
class EngineMessageRelay {

  private final EngineMessages messages;

  EngineMessageRelay(EngineMessages messages) {
    this.messages = messages;
  }

  @Scheduled(fixedDelayString = "${partnerflow.engine.messages.poll-interval:PT1S}")
  void sendDue() {
    messages.sendDue();
  }
}
