package com.partnerflow.onboarding;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The applicant's public pages: the partner application, and the page a mailed link opens, which
 * renders the applicant's task form with form-js from {@code /api/applicant-tasks/{token}} (the
 * token is checked by that API, not here).
 */
@Controller
class ApplicantTaskPage {

  /** The public partner application page. */
  @GetMapping("/apply")
  String apply() {
    return "onboarding/apply";
  }

  @GetMapping("/applicant-tasks/thanks")
  String thanks() {
    return "onboarding/applicant-thanks";
  }

  @GetMapping("/applicant-tasks/{token:[A-Za-z0-9_-]{20,100}}")
  String task(@PathVariable String token, Model model) {
    model.addAttribute("token", token);
    return "onboarding/applicant-task";
  }
}
