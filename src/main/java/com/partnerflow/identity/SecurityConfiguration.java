package com.partnerflow.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three doors: {@code /api/**} takes HTTP Basic (and the UI's session, with a CSRF token) and
 * answers refusals as problem+json; {@code /actuator/**} serves monitoring; everything else is the
 * UI with form login and CSRF protection. All three sign in through one {@link
 * ThrottledAuthentication}, so repeated failures are throttled whichever door they knock on.
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

  /**
   * The one way to sign in with a username and password, set on every chain: the global
   * authentication manager Spring Security would build from {@link UserDirectory} is not throttled.
   */
  @Bean
  AuthenticationManager signInAuthentication(
      UserDirectory users,
      PasswordEncoder passwordEncoder,
      SignInThrottle throttle,
      ObjectProvider<AuthenticationEventPublisher> events) {
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
    passwords.setPasswordEncoder(passwordEncoder);
    ProviderManager manager = new ProviderManager(new ThrottledAuthentication(passwords, throttle));
    events.ifAvailable(manager::setAuthenticationEventPublisher);
    return manager;
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ObjectMapper json, AuthenticationManager signIn)
      throws Exception {
    http.securityMatcher("/api/**")
        .authenticationManager(signIn)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(HttpMethod.POST, PUBLIC_API_POSTS)
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, PUBLIC_API_GETS)
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .httpBasic(
            b ->
                b.authenticationEntryPoint(
                    (req, res, e) -> {
                      if (e instanceof SignInThrottledException throttled) {
                        tooManyFailures(res, json, throttled);
                      } else {
                        problem(res, json, 401, e);
                      }
                    }))
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

  /**
   * Monitoring: health (liveness and readiness for the orchestrator) and info are open; the
   * Prometheus metrics need the monitoring group or an admin, since they tell outsiders about the
   * program's traffic; details and the other endpoints need an admin.
   */
  @Bean
  @Order(2)
  SecurityFilterChain actuator(HttpSecurity http, ObjectMapper json, AuthenticationManager signIn)
      throws Exception {
    BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
    basic.setRealmName("Realm");
    http.securityMatcher("/actuator/**")
        .authenticationManager(signIn)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                    .permitAll()
                    .requestMatchers("/actuator/prometheus")
                    .hasAnyAuthority(
                        "GROUP_" + PartnerflowUser.MONITORING, "GROUP_" + PartnerflowUser.ADMINS)
                    .anyRequest()
                    .hasAuthority("GROUP_" + PartnerflowUser.ADMINS))
        .httpBasic(
            b ->
                b.authenticationEntryPoint(
                    (req, res, e) -> {
                      if (e instanceof SignInThrottledException throttled) {
                        tooManyFailures(res, json, throttled);
                      } else {
                        basic.commence(req, res, e);
                      }
                    }))
        .headers(BrowserHeaders.strict())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable());
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain ui(HttpSecurity http, AuthenticationManager signIn) throws Exception {
    http.authenticationManager(signIn)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/login",
                        "/apply",
                        "/applicant-tasks/**",
                        "/application-status/**",
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
        .formLogin(
            f ->
                f.loginPage("/login")
                    .defaultSuccessUrl("/", false)
                    .failureHandler(SecurityConfiguration::signInFailed)
                    .permitAll())
        .logout(l -> l.logoutSuccessUrl("/login?logout"));
    return http.build();
  }

  /**
   * A failed form sign-in goes back to the sign-in page: {@code ?error} for wrong credentials (the
   * same for unknown users), {@code ?throttled=<seconds>} while sign-in is locked.
   */
  private static void signInFailed(
      HttpServletRequest req, HttpServletResponse res, AuthenticationException e)
      throws IOException {
    String query =
        e instanceof SignInThrottledException throttled
            ? "throttled=" + throttled.retryAfter().toSeconds()
            : "error";
    res.sendRedirect(req.getContextPath() + "/login?" + query);
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

  /**
   * {@code 429} with {@code Retry-After}: the same answer for known and unknown usernames, and
   * whether the password was right or not.
   */
  private static void tooManyFailures(
      HttpServletResponse res, ObjectMapper json, SignInThrottledException e) throws IOException {
    long seconds = e.retryAfter().toSeconds();
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.TOO_MANY_REQUESTS,
            "Too many failed sign-ins: signing in is paused. Try again in "
                + seconds
                + " seconds.");
    problem.setProperty("retryAfterSeconds", seconds);
    res.setHeader("Retry-After", Long.toString(seconds));
    res.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(res.getOutputStream(), problem);
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
