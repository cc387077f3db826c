package com.partnerflow.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Requests the security firewall rejects (encoded traversal such as {@code %2F..%2F}, {@code %00},
 * {@code //}, a {@code ;} in the path) are answered 400: as {@code application/problem+json} on
 * {@code /api/**}, like every other API refusal, and with the error page elsewhere. Spring Security
 * uses a bean of this type for every filter chain. The reason is logged, not echoed to the caller.
 */
@Component
class ApiRequestRejectedHandler implements RequestRejectedHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiRequestRejectedHandler.class);

  private final ObjectMapper json;
  private final RequestRejectedHandler pages = new HttpStatusRequestRejectedHandler();

  ApiRequestRejectedHandler(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
      throws IOException, jakarta.servlet.ServletException {
    log.info("Rejected {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
    String uri = request.getRequestURI();
    if (!uri.startsWith(request.getContextPath() + "/api/")) {
      pages.handle(request, response, e);
      return;
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "The request was refused: its path or headers contain characters or sequences that are"
                + " not allowed");
    problem.setTitle("Invalid request");
    problem.setProperty(
        "errors", List.of(Map.of("field", "", "message", "path or headers not allowed")));
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
