package com.partnerflow.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the size of API request bodies ({@code partnerflow.api.max-request-bytes}) so an oversized
 * body is answered with 413 before anything reads it into memory. File uploads ({@code
 * multipart/form-data}) have their own cap, {@code spring.servlet.multipart.max-request-size}: the
 * servlet container writes their parts to disk and enforces it while reading; a declared length
 * above it is answered here at once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

  private final long maxBytes;
  private final long maxUploadBytes;

  RequestSizeLimit(
      @Value("${partnerflow.api.max-request-bytes:1048576}") long maxBytes,
      @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxUploadSize) {
    this.maxBytes = maxBytes;
    this.maxUploadBytes = maxUploadSize.toBytes();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isUpload(request)) {
      if (maxUploadBytes >= 0 && request.getContentLengthLong() > maxUploadBytes) {
        refuse(response, maxUploadBytes);
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > maxBytes) {
      refuse(response, maxBytes);
      return;
    }
    chain.doFilter(new Limited(request, maxBytes), response);
  }

  private static boolean isUpload(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null
        && type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
  }

  private static void refuse(HttpServletResponse response, long maxBytes) throws IOException {
    response.setStatus(413);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
                + "\"detail\":\"The request body is larger than "
                + maxBytes
                + " bytes\"}");
  }

  /** Stops reading a body without a declared length once it passes the limit. */
  private static final class Limited extends HttpServletRequestWrapper {
    private final long maxBytes;

    Limited(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0 && ++read > maxBytes) {
            throw new IOException("Request body larger than " + maxBytes + " bytes");
          }
          return b;
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
