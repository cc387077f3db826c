package com.partnerflow.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The public API of the service instances, as a load balancer without sticky sessions spreads it:
 * each call goes to the next instance in turn, with HTTP Basic. Counts the calls each instance
 * answered.
 */
final class PartnerflowApi implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  /** One answer, with the instance that gave it. */
  record Answer(int status, String body, int instance) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("Not JSON (" + status + "): " + body, e);
      }
    }
  }

  /** The call got no answer: the instance was down, or died while answering it. */
  static final class NoAnswer extends IllegalStateException {
    NoAnswer(URI uri, IOException cause) {
      super("No answer from " + uri + ": " + cause, cause);
    }
  }

  private final List<ServiceInstance> instances;
  private final String password;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final AtomicLong next = new AtomicLong();
  private final AtomicLongArray answered;

  PartnerflowApi(List<ServiceInstance> instances, String password) {
    this.instances = List.copyOf(instances);
    this.password = password;
    this.answered = new AtomicLongArray(instances.size());
  }

  Answer get(String user, String path) {
    return send(nextInstance(), user, HttpRequest.newBuilder().GET(), path);
  }

  /** A read from one instance (0 is the first), to compare what each answers. */
  Answer getFrom(int instance, String user, String path) {
    return send(instance, user, HttpRequest.newBuilder().GET(), path);
  }

  Answer post(String user, String path, String json) {
    return send(
        nextInstance(),
        user,
        HttpRequest.newBuilder()
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)),
        path);
  }

  private int nextInstance() {
    return (int) (next.getAndIncrement() % instances.size());
  }

  private Answer send(int index, String user, HttpRequest.Builder request, String path) {
    URI uri = instances.get(index).base().resolve(path);
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response =
          http.send(
              request
                  .uri(uri)
                  .timeout(Duration.ofSeconds(60))
                  .header("Authorization", "Basic " + basic)
                  .header("Accept", "application/json")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      answered.incrementAndGet(index);
      return new Answer(response.statusCode(), response.body(), index);
    } catch (IOException e) {
      throw new NoAnswer(uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Calls answered by each instance, in the order of the instances. */
  long[] answeredPerInstance() {
    long[] counts = new long[answered.length()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = answered.get(i);
    }
    return counts;
  }

  @Override
  public void close() {
    http.close();
  }
}
