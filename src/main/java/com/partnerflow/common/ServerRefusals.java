package com.partnerflow.common;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Container;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses some requests before any of the application sees them: a path with {@code %2F},
 * {@code %5C} or {@code %00}, an undecodable one. It answers them with its own HTML error report.
 * On {@code /api/**} this replaces that report with {@code application/problem+json}, so an API
 * client gets the same kind of refusal wherever it comes from (issue 19); pages keep Tomcat's
 * report. What Spring Security's firewall rejects is answered by {@code
 * identity.ApiRequestRejectedHandler}.
 */
@Component
class ServerRefusals implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    // The host adds its error report valve when it starts, before it starts the context.
    factory.addContextCustomizers(
        context ->
            context.addLifecycleListener(
                event -> {
                  if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                    replaceErrorReport(context.getParent());
                  }
                }));
  }

  private static void replaceErrorReport(Container container) {
    if (!(container instanceof Host host)) {
      return;
    }
    for (Valve valve : host.getPipeline().getValves()) {
      if (valve.getClass() == ErrorReportValve.class) {
        host.getPipeline().removeValve(valve);
        host.getPipeline().addValve(new ApiErrorReport());
      }
    }
  }

  /** Tomcat's error report, as problem+json for API paths. */
  static final class ApiErrorReport extends ErrorReportValve {

    ApiErrorReport() {
      setShowReport(false);
      setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      String uri = request.getRequestURI();
      int status = response.getStatus();
      if (uri == null || !uri.startsWith("/api/") || status < 400) {
        super.report(request, response, throwable);
        return;
      }
      if (response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      try {
        // ASCII only, so no charset: the same Content-Type as the application's own problems.
        response.setContentType("application/problem+json");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(
              "{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":"
                  + status
                  + ",\"detail\":\"The request was refused: its path contains characters or"
                  + " sequences that are not allowed\",\"errors\":[{\"field\":\"\","
                  + "\"message\":\"path not allowed\"}]}");
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // The client is gone or the response was committed meanwhile: nothing left to tell.
      }
    }
  }
}
