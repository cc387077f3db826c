package com.partnerflow.reliability;

import java.net.URI;

/**
 * One service process of the tier: the packaged jar in the cluster profile.
 *
 * @param process the JVM, ended by its pid
 * @param base the public port ({@code /api/**})
 * @param management the management port ({@code /actuator/**})
 */
record ServiceInstance(ChildProcess process, URI base, URI management) {

  String name() {
    return process.name();
  }
}
