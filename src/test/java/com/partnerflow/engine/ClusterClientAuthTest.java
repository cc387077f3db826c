package com.partnerflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.ProcessEnvironment;
import com.sun.net.httpserver.HttpServer;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.impl.NoopCredentialsProvider;
import io.camunda.client.impl.basicauth.BasicAuthCredentialsProvider;
import io.camunda.client.impl.oauth.OAuthCredentialsProvider;
import io.camunda.client.spring.configuration.CredentialsProviderConfiguration;
import io.camunda.client.spring.properties.CamundaClientProperties;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The three ways docs/cluster.md connects the cluster profile to an orchestration cluster, bound
 * exactly as in production: environment variables, the cluster profile's files and the Camunda
 * starter's own environment post-processor (which fills in defaults per auth method), then the
 * starter's credentials provider, asked for the header it would send.
 */
class ClusterClientAuthTest {

  @TempDir Path tmp;

  @Test
  void unprotectedClusterGetsNoCredentials() throws IOException {
    try (var context = clusterProfileWith(Map.of("CAMUNDA_CLIENT_AUTH_METHOD", "none"))) {
      CredentialsProvider provider = context.getBean(CredentialsProvider.class);

      assertThat(provider).isInstanceOf(NoopCredentialsProvider.class);
      assertThat(headers(provider)).isEmpty();
    }
  }

  @Test
  void withoutAnyAuthSettingTheClientSendsNoCredentials() throws IOException {
    try (var context = clusterProfileWith(Map.of())) {
      assertThat(headers(context.getBean(CredentialsProvider.class))).isEmpty();
    }
  }

  @Test
  void basicAuthSendsTheConfiguredUser() throws IOException {
    try (var context =
        clusterProfileWith(
            Map.of(
                "CAMUNDA_CLIENT_AUTH_METHOD", "basic",
                "CAMUNDA_CLIENT_AUTH_USERNAME", "partnerflow",
                "CAMUNDA_CLIENT_AUTH_PASSWORD", "s3cret-from-the-vault"))) {
      CredentialsProvider provider = context.getBean(CredentialsProvider.class);

      assertThat(provider).isInstanceOf(BasicAuthCredentialsProvider.class);
      assertThat(headers(provider))
          .containsExactly(
              Map.entry("Authorization", "Basic " + base64("partnerflow:s3cret-from-the-vault")));
    }
  }

  /** Why docs/cluster.md says to always set both: the starter fills in its demo user. */
  @Test
  void basicAuthWithoutUserFallsBackToTheStartersDemoUser() throws IOException {
    try (var context = clusterProfileWith(Map.of("CAMUNDA_CLIENT_AUTH_METHOD", "basic"))) {
      assertThat(headers(context.getBean(CredentialsProvider.class)))
          .containsEntry("Authorization", "Basic " + base64("demo:demo"));
    }
  }

  @Test
  void oidcFetchesAClientCredentialsTokenAndSendsItAsBearer() throws IOException {
    AtomicReference<String> tokenRequest = new AtomicReference<>();
    HttpServer tokenEndpoint =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    tokenEndpoint.createContext(
        "/realms/camunda-platform/protocol/openid-connect/token",
        exchange -> {
          tokenRequest.set(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] body =
              "{\"access_token\":\"token-for-partnerflow\",\"token_type\":\"Bearer\",\"expires_in\":300}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    tokenEndpoint.start();
    String tokenUrl =
        "http://127.0.0.1:"
            + tokenEndpoint.getAddress().getPort()
            + "/realms/camunda-platform/protocol/openid-connect/token";
    try (var context =
        clusterProfileWith(
            Map.of(
                "CAMUNDA_CLIENT_AUTH_METHOD", "oidc",
                "CAMUNDA_CLIENT_AUTH_CLIENTID", "partnerflow",
                "CAMUNDA_CLIENT_AUTH_CLIENTSECRET", "client-secret-from-the-vault",
                "CAMUNDA_CLIENT_AUTH_TOKENURL", tokenUrl,
                "CAMUNDA_CLIENT_AUTH_AUDIENCE", "orchestration-api",
                "CAMUNDA_CLIENT_AUTH_CREDENTIALSCACHEPATH",
                    tmp.resolve("credentials").toString()))) {
      CredentialsProvider provider = context.getBean(CredentialsProvider.class);

      assertThat(provider).isInstanceOf(OAuthCredentialsProvider.class);
      assertThat(headers(provider))
          .containsExactly(Map.entry("Authorization", "Bearer token-for-partnerflow"));
      assertThat(form(tokenRequest.get()))
          .containsEntry("grant_type", "client_credentials")
          .containsEntry("client_id", "partnerflow")
          .containsEntry("client_secret", "client-secret-from-the-vault")
          .containsEntry("audience", "orchestration-api");
    } finally {
      tokenEndpoint.stop(0);
    }
  }

  /**
   * Starts the cluster profile's configuration with only the starter's credentials provider. The
   * given map stands in for the process environment, so the machine's own variables cannot leak in
   * and the variable names of docs/cluster.md are what is bound.
   */
  private static ConfigurableApplicationContext clusterProfileWith(Map<String, Object> env) {
    return new SpringApplicationBuilder(CredentialsOnly.class)
        .environment(ProcessEnvironment.withOnly(env))
        .profiles("cluster")
        .web(WebApplicationType.NONE)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .run();
  }

  private static Map<String, String> headers(CredentialsProvider provider) throws IOException {
    Map<String, String> headers = new HashMap<>();
    provider.applyCredentials(headers::put);
    return headers;
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return form;
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(CamundaClientProperties.class)
  @Import(CredentialsProviderConfiguration.class)
  static class CredentialsOnly {}
}
