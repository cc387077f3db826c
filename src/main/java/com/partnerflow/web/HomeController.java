package com.partnerflow.web;

import com.partnerflow.identity.PartnerflowUser;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in and home pages. */
@Controller
class HomeController {

  private final boolean embedded;

  HomeController(Environment environment) {
    this.embedded = environment.acceptsProfiles(Profiles.of("embedded"));
  }

  @GetMapping("/login")
  String login(Model model) {
    model.addAttribute("embedded", embedded);
    return "login";
  }

  @GetMapping("/")
  String home(@AuthenticationPrincipal PartnerflowUser user, Model model) {
    model.addAttribute("user", user);
    model.addAttribute("embedded", embedded);
    return "home";
  }
}
