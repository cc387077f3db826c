package com.partnerflow.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The signed-in user's time zone: the IANA zone the browser reports in the {@value #COOKIE} cookie
 * (set by {@code js/time-zone.js} on every page), UTC without it or when it names no zone.
 */
@Component
class UserZone {

  static final String COOKIE = "pf_tz";
  static final ZoneId UTC = ZoneId.of("UTC");

  ZoneId current() {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs)) {
      return UTC;
    }
    return of(attrs.getRequest());
  }

  static ZoneId of(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return UTC;
    }
    for (Cookie cookie : cookies) {
      if (COOKIE.equals(cookie.getName())) {
        return parse(cookie.getValue());
      }
    }
    return UTC;
  }

  static ZoneId parse(String value) {
    if (value == null || value.isBlank() || value.length() > 64) {
      return UTC;
    }
    try {
      return ZoneId.of(URLDecoder.decode(value, StandardCharsets.UTF_8));
    } catch (DateTimeException e) {
      return UTC;
    }
  }
}
