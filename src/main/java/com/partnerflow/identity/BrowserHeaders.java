package com.partnerflow.identity;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The response headers every filter chain sends (issue 19), on top of Spring Security's defaults
 * (nosniff, frame options, no caching of authenticated pages, HSTS on HTTPS requests only).
 *
 * <p>The Content-Security-Policy allows scripts, styles, fonts and connections from this origin
 * only, images also as {@code data:} URIs (form-js and bpmn-js draw icons that way), no plugins, no
 * framing and forms posting only here: a tag that slipped into a page could neither run a script
 * nor load an image from, or send a form to, another host. Nothing inline: no {@code <script>} or
 * {@code <style>} element, no event handler or style attribute in markup; the templates load files
 * from {@code /js} and {@code /css} (libraries set styles through the DOM, which the policy
 * allows). The browser tests fail on any violation the pages report.
 *
 * <p>One exception: the process owners' editors ({@code /process-owner/edit/...}) embed Camunda's
 * modeling distributions (camunda-bpmn-js, camunda-dmn-js, the form-js editor) as published, and
 * they write style attributes and style elements into the page. There, and only there, styles may
 * be inline ({@code style-src 'self' 'unsafe-inline'}); scripts stay {@code 'self'} only, so a
 * slipped-in tag still cannot run anything.
 */
final class BrowserHeaders {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self';"
          + " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none';"
          + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /** The editors' policy: the same, with inline styles allowed. */
  static final String EDITOR_CONTENT_SECURITY_POLICY =
      CONTENT_SECURITY_POLICY.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");

  private static final RequestMatcher EDITORS =
      request ->
          request.getRequestURI().startsWith(request.getContextPath() + "/process-owner/edit/");

  private BrowserHeaders() {}

  static Customizer<HeadersConfigurer<HttpSecurity>> strict() {
    return h ->
        h.addHeaderWriter(policy(EDITORS, EDITOR_CONTENT_SECURITY_POLICY))
            .addHeaderWriter(policy(new NegatedRequestMatcher(EDITORS), CONTENT_SECURITY_POLICY))
            .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN));
  }

  private static HeaderWriter policy(RequestMatcher where, String policy) {
    return new DelegatingRequestMatcherHeaderWriter(
        where, new StaticHeadersWriter("Content-Security-Policy", policy));
  }
}
