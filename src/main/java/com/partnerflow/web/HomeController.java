package com.partnerflow.web;

import com.partnerflow.identity.PartnerflowUser;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in and home pages. */
@Controller
class HomeController {

  private final boolean embedded;

  HomeController(Environment environment) {
    this.embedded = environment.acceptsProfiles(Profiles.of("embedded"));
  }

  /**
   * The sign-in page; {@code ?throttled=<seconds>} after a sign-in refused while signing in is
   * paused (identity's sign-in throttle), shown as the wait in whole minutes.
   */
  @GetMapping("/login")
  String login(@RequestParam(required = false) String throttled, Model model) {
    model.addAttribute("embedded", embedded);
    if (throttled != null) {
      model.addAttribute("throttledMinutes", minutes(throttled));
    }
    return "login";
  }

  private static long minutes(String seconds) {
    try {
      return Math.max(1, (Long.parseLong(seconds) + 59) / 60);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  @GetMapping("/")
  String home(@AuthenticationPrincipal PartnerflowUser user, Model model) {
    model.addAttribute("user", user);
    model.addAttribute("embedded", embedded);
    return "home";
  }
}
