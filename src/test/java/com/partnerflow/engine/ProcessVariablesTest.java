package com.partnerflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessVariablesTest {

  private final ProcessVariables declared =
      ProcessVariables.startedWith("mdf-request", "mdfRequestId", "partnerId")
          .withMessage("payment-confirmed", "paymentReference");

  @Test
  void declaredVariablesPassUnchanged() {
    Map<String, Object> start = Map.of("mdfRequestId", "r-1", "partnerId", 7);

    assertThat(declared.checked(start)).isSameAs(start);
    assertThat(declared.checkedMessage("payment-confirmed", Map.of("paymentReference", "x")))
        .containsEntry("paymentReference", "x");
  }

  @Test
  void anUndeclaredVariableIsRefusedNamingIt() {
    assertThatThrownBy(() -> declared.checked(Map.of("mdfRequestId", "r-1", "secret", 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("mdf-request is started with the undeclared variables [secret]");
    assertThatThrownBy(() -> declared.checkedMessage("payment-failed", Map.of("reason", "x")))
        .hasMessage(
            "The message payment-failed is published with the undeclared variables [reason]");
  }
}
