package com.partnerflow.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three doors: {@code /api/**} takes HTTP Basic (and the UI's session, with a CSRF token) and
 * answers refusals as problem+json; {@code /actuator/**} serves monitoring; everything else is the
 * UI with form login and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  /** Endpoints anyone may call, e.g. the public partner application. */
  static final String[] PUBLIC_API_POSTS = {
    "/api/partner-applications",
    "/api/applicant-tasks/*/complete",
    "/api/partner-invitations/*/password"
  };

  /** Pages of single-use links that anyone holding the link may read. */
  static final String[] PUBLIC_API_GETS = {
    "/api/applicant-tasks/*", "/api/partner-applications/form"
  };

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(HttpMethod.POST, PUBLIC_API_POSTS)
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, PUBLIC_API_GETS)
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> problem(res, json, 401, e)))
        .headers(BrowserHeaders.strict())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        // Basic-authenticated clients carry no cookie to forge; the browser's session calls do.
        .csrf(
            c ->
                c.requireCsrfProtectionMatcher(sessionWrite())
                    .ignoringRequestMatchers(PUBLIC_API_POSTS))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint((req, res, ex) -> problem(res, json, 401, ex))
                    .accessDeniedHandler((req, res, ex) -> problem(res, json, 403, ex)));
    return http.build();
  }

  /** Monitoring: health and metrics are open; details and other endpoints need an admin. */
  @Bean
  @Order(2)
  SecurityFilterChain actuator(HttpSecurity http) throws Exception {
    http.securityMatcher("/actuator/**")
        .authorizeHttpRequests(
            a ->
                a.requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                    .permitAll()
                    .anyRequest()
                    .hasAuthority("GROUP_" + PartnerflowUser.ADMINS))
        .httpBasic(Customizer.withDefaults())
        .headers(BrowserHeaders.strict())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable());
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain ui(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/login",
                        "/apply",
                        "/applicant-tasks/**",
                        "/partner-invitations/**",
                        "/css/**",
                        "/js/**",
                        "/vendor/**",
                        "/favicon.ico",
                        "/error",
                        "/v3/api-docs/**",
                        "/swagger-ui/**",
                        "/swagger-ui.html")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .headers(BrowserHeaders.strict())
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(l -> l.logoutSuccessUrl("/login?logout"));
    return http.build();
  }

  private static RequestMatcher sessionWrite() {
    return (HttpServletRequest request) -> {
      String method = request.getMethod();
      boolean safe =
          method.equals("GET")
              || method.equals("HEAD")
              || method.equals("OPTIONS")
              || method.equals("TRACE");
      return !safe && request.getHeader("Authorization") == null;
    };
  }

  private static void problem(HttpServletResponse res, ObjectMapper json, int status, Exception e)
      throws IOException {
    HttpStatus httpStatus = HttpStatus.valueOf(status);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            httpStatus,
            status == 401
                ? "Sign in with HTTP Basic credentials to use the API"
                : "You are not allowed to do this");
    if (status == 401) {
      res.setHeader("WWW-Authenticate", "Basic realm=\"Partnerflow\"");
    }
    res.setStatus(status);
    res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(res.getOutputStream(), problem);
  }
}
