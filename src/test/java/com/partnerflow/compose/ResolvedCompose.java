package com.partnerflow.compose;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.yml} as Docker Compose itself resolves it ({@code docker-compose config}):
 * variables substituted with their defaults, environment lists turned into maps, ports into
 * published/target pairs. Reading the resolved model, not the raw file, is what lets a test see
 * what a container really gets.
 */
record ResolvedCompose(Map<String, Map<String, Object>> services) {

  /** A host port published for a container port of a service. */
  record Port(int published, int target) {}

  /**
   * Runs {@code docker-compose config} (the v1 binary CI installs), else {@code docker compose
   * config} (the v2 plugin of a developer's Docker). Fails, never skips, when neither exists.
   */
  static ResolvedCompose of(Path file) throws IOException, InterruptedException {
    List<List<String>> candidates =
        List.of(
            List.of("docker-compose", "-f", file.toString(), "config"),
            List.of("docker", "compose", "-f", file.toString(), "config"));
    List<String> failures = new ArrayList<>();
    for (List<String> command : candidates) {
      Process process;
      try {
        process = new ProcessBuilder(command).redirectErrorStream(false).start();
      } catch (IOException notInstalled) {
        failures.add(command.get(0) + ": " + notInstalled.getMessage());
        continue;
      }
      // Read both streams before waiting, so a large output cannot block the child.
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        failures.add(String.join(" ", command) + ": timed out");
      } else if (process.exitValue() == 0) {
        return parse(out);
      } else {
        failures.add(String.join(" ", command) + " exited " + process.exitValue() + ": " + err);
      }
    }
    throw new AssertionError(
        "Cannot resolve "
            + file
            + " with Docker Compose (install it: apt-get install docker-compose): "
            + failures);
  }

  @SuppressWarnings("unchecked")
  static ResolvedCompose parse(String yaml) {
    Map<String, Object> root = new Yaml().load(yaml);
    return new ResolvedCompose((Map<String, Map<String, Object>>) root.get("services"));
  }

  Map<String, Object> service(String name) {
    Map<String, Object> service = services.get(name);
    if (service == null) {
      throw new AssertionError("docker-compose.yml has no service '" + name + "'");
    }
    return service;
  }

  /** The service's environment; v1 and v2 both resolve it to a map, empty values as "". */
  Map<String, String> environment(String name) {
    Map<String, String> environment = new LinkedHashMap<>();
    Object raw = service(name).get("environment");
    if (raw instanceof Map<?, ?> map) {
      map.forEach((k, v) -> environment.put(k.toString(), v == null ? "" : v.toString()));
    }
    return environment;
  }

  /** Where the service's volumes are mounted; v1 writes "source:target[:mode]", v2 a map. */
  List<String> volumeTargets(String name) {
    List<String> targets = new ArrayList<>();
    Object raw = service(name).get("volumes");
    if (raw instanceof List<?> list) {
      for (Object entry : list) {
        if (entry instanceof Map<?, ?> volume && volume.get("target") != null) {
          targets.add(volume.get("target").toString());
        } else if (entry instanceof String volume && volume.split(":").length >= 2) {
          targets.add(volume.split(":")[1]);
        }
      }
    }
    return targets;
  }

  /** The service's health check command as one string, "" without one. */
  String healthcheck(String name) {
    Object raw = service(name).get("healthcheck");
    if (raw instanceof Map<?, ?> check && check.get("test") != null) {
      Object test = check.get("test");
      return test instanceof List<?> parts
          ? String.join(" ", parts.stream().map(String::valueOf).toList())
          : test.toString();
    }
    return "";
  }

  String image(String name) {
    return String.valueOf(service(name).get("image"));
  }

  /** Published ports; v1 writes numbers, v2 writes the published port as a string. */
  List<Port> ports(String name) {
    List<Port> ports = new ArrayList<>();
    Object raw = service(name).get("ports");
    if (raw instanceof List<?> list) {
      for (Object entry : list) {
        if (entry instanceof Map<?, ?> port && port.get("published") != null) {
          ports.add(
              new Port(
                  Integer.parseInt(port.get("published").toString()),
                  Integer.parseInt(port.get("target").toString())));
        }
      }
    }
    return ports;
  }

  /** The container port that a host port of the machine running Compose leads to, if any. */
  Optional<Port> publishedOnHost(String name, int hostPort) {
    return ports(name).stream().filter(p -> p.published() == hostPort).findFirst();
  }

  /** The port of an URL, or the scheme's default. */
  static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equals(uri.getScheme()) ? 443 : 80;
  }
}
