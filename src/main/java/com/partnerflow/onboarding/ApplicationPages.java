package com.partnerflow.onboarding;

import com.partnerflow.common.NotFoundException;
import com.partnerflow.identity.PartnerflowUser;
import java.util.Arrays;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The partner managers' pages: every application with its status, and one application with its
 * screening, tier, agreement and audit trail. Everyone else gets the 404 page, as for an unknown
 * application.
 */
@Controller
class ApplicationPages {

  static final int PAGE_SIZE = 100;

  private final PartnerApplications applications;
  private final ApplicationRecords records;

  ApplicationPages(PartnerApplications applications, ApplicationRecords records) {
    this.applications = applications;
    this.records = records;
  }

  @GetMapping("/partner-applications")
  String list(
      @RequestParam(required = false) String status,
      @AuthenticationPrincipal PartnerflowUser user,
      Model model) {
    requireReader(user, "Applications");
    ApplicationStatus selected = statusOf(status);
    PageRequest newestFirst = PageRequest.of(0, PAGE_SIZE, Sort.by("createdAt").descending());
    Page<PartnerApplication> page =
        selected == null
            ? applications.findAll(newestFirst)
            : applications.findByStatus(selected, newestFirst);
    model.addAttribute("applications", page.getContent());
    model.addAttribute("total", page.getTotalElements());
    model.addAttribute("statuses", ApplicationStatus.values());
    model.addAttribute("status", selected);
    return "onboarding/applications";
  }

  @GetMapping("/partner-applications/{id}")
  String application(
      @PathVariable String id, @AuthenticationPrincipal PartnerflowUser user, Model model) {
    requireReader(user, "Application " + id);
    model.addAttribute("partnerApplication", records.get(id));
    model.addAttribute("history", records.auditTrail(id));
    return "onboarding/application";
  }

  private static void requireReader(PartnerflowUser user, String what) {
    if (!ApplicationController.mayRead(user)) {
      throw new NotFoundException(what);
    }
  }

  /** An unknown status shows every application rather than an error. */
  private static ApplicationStatus statusOf(String value) {
    return Arrays.stream(ApplicationStatus.values())
        .filter(s -> s.name().equalsIgnoreCase(value == null ? "" : value.strip()))
        .findFirst()
        .orElse(null);
  }
}
