package com.partnerflow.engine;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Test-only: answers a share of the service's engine commands with an error the engine did not
 * send, to prove that the service loses and repeats nothing when the engine pushes back. Unset (the
 * default) it does nothing; the reliability tier sets it.
 *
 * @param share the share of the chosen commands to fail, between 0 and 1
 * @param methods the gRPC methods of {@code gateway_protocol.Gateway} to fail, e.g. {@code
 *     PublishMessage}, {@code CompleteJob}
 */
@ConfigurationProperties("partnerflow.engine.fault-injection")
public record FaultInjectionProperties(
    @DefaultValue("0") double share,
    @DefaultValue({"PublishMessage", "CompleteJob", "CreateProcessInstance", "FailJob"})
        List<String> methods) {

  public FaultInjectionProperties {
    if (share < 0 || share > 1) {
      throw new IllegalArgumentException(
          "partnerflow.engine.fault-injection.share must lie between 0 and 1");
    }
  }
}
