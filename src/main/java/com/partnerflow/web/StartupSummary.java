package com.partnerflow.web;

import com.partnerflow.demo.DemoData;
import com.partnerflow.demo.DemoUser;
import com.partnerflow.engine.DeployedDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Ends the startup log with one block: where the UI, API docs and mail are, and who can sign in.
 */
@Component
class StartupSummary {

  private static final Logger log = LoggerFactory.getLogger(StartupSummary.class);

  private final Environment environment;
  private final DeployedDefinitions deployed;

  StartupSummary(Environment environment, DeployedDefinitions deployed) {
    this.environment = environment;
    this.deployed = deployed;
  }

  @EventListener(ApplicationReadyEvent.class)
  void printSummary() {
    log.info(summary());
  }

  String summary() {
    String port = environment.getProperty("local.server.port", "8080");
    String base = "http://localhost:" + port;
    // The cluster profile serves the actuator on a management port of its own.
    String management =
        "http://localhost:" + environment.getProperty("local.management.port", port);
    boolean embedded = environment.acceptsProfiles(Profiles.of("embedded"));
    StringBuilder s = new StringBuilder("\n");
    s.append("============================================================\n");
    s.append(" Partnerflow is ready").append(embedded ? " (embedded demo mode)" : "").append('\n');
    s.append("   UI .............. ").append(base).append("/\n");
    s.append("   API docs ........ ").append(base).append("/swagger-ui.html\n");
    s.append("   Health .......... ").append(management).append("/actuator/health\n");
    s.append("   Processes ....... ").append(deployed.ofKind("process").size());
    s.append(" deployed (").append(base).append("/api/processes)\n");
    if (embedded) {
      s.append("   Mail ............ ").append(base).append("/api/dev/mailbox (as admin)\n");
      s.append("   Engine and database live IN MEMORY: a restart is a clean demo.\n");
      if (environment.getProperty("partnerflow.demo.enabled", Boolean.class, false)) {
        s.append("   Demo logins (password '").append(DemoData.PASSWORD).append("'):\n");
        for (DemoUser user : DemoData.USERS) {
          s.append(String.format("     %-7s %s%n", user.username(), user.describe()));
        }
      }
    }
    s.append("============================================================");
    return s.toString();
  }
}
