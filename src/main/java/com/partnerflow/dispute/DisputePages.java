package com.partnerflow.dispute;

import com.partnerflow.common.ConflictException;
import com.partnerflow.common.TemporarilyUnavailableException;
import com.partnerflow.identity.PartnerflowUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dispute pages. {@code /disputes}: partners follow their disputes (status, who holds them
 * until when, outcome and reason); internal users see every dispute and the numbers for governance.
 * {@code /disputes/{id}}: one dispute with its audit trail (the 404 page for another partner's),
 * which the partner may withdraw. {@code /disputes/new}: the partner disputes a subject through
 * {@code forms/dispute.form}, which the page's script posts to {@code POST /api/disputes}.
 */
@Controller
class DisputePages {

  static final String FORM = "forms/dispute.form";

  private final DisputeService service;
  private final DisputeTrail trail;
  private final DisputeStats stats;
  private final DisputeEvidence evidence;
  private final DisputeSubjects subjects;

  DisputePages(
      DisputeService service,
      DisputeTrail trail,
      DisputeStats stats,
      DisputeEvidence evidence,
      DisputeSubjects subjects) {
    this.service = service;
    this.trail = trail;
    this.stats = stats;
    this.evidence = evidence;
    this.subjects = subjects;
  }

  @GetMapping("/disputes")
  String disputes(@AuthenticationPrincipal PartnerflowUser user, Model model) {
    model.addAttribute(
        "disputes",
        service.list(user).stream()
            .map(d -> DisputeView.of(d, null, user.isPartnerUser()))
            .toList());
    if (!user.isPartnerUser()) {
      model.addAttribute("stats", stats.stats(user));
    }
    return "dispute/disputes";
  }

  @GetMapping("/disputes/{id}")
  String dispute(
      @PathVariable String id, @AuthenticationPrincipal PartnerflowUser user, Model model) {
    Dispute d = service.get(user, id);
    model.addAttribute(
        "dispute", DisputeView.of(d, trail.of(id), evidence.of(d), user.isPartnerUser()));
    model.addAttribute("subjectHref", subjectHref(d));
    model.addAttribute("heading", subjects.heading(d.getSubjectType(), d.getSubjectId()));
    model.addAttribute("canWithdraw", user.isPartnerUser() && d.getStatus().isOpen());
    return "dispute/dispute";
  }

  /**
   * The dispute form for the caller's subject: the 404 page for another partner's, an unknown
   * subject or an internal user; the reason instead of the form when it cannot be disputed now.
   */
  @GetMapping("/disputes/new")
  String newDispute(
      @RequestParam(required = false) SubjectType subjectType,
      @RequestParam(required = false) String subjectId,
      @AuthenticationPrincipal PartnerflowUser user,
      Model model)
      throws IOException {
    model.addAttribute("subjectType", subjectType);
    model.addAttribute("subjectId", subjectId);
    model.addAttribute(
        "subjectLabel", subjectType == null ? "" : DisputeSubjects.label(subjectType));
    try {
      DisputeSubject subject = service.disputable(user, subjectType, subjectId);
      model.addAttribute("subjectHref", "/mdf-requests/" + subject.mdfRequestId());
      Optional<Dispute> open = service.openDispute(subjectType, subjectId);
      if (open.isPresent()) {
        model.addAttribute("refusal", "This decision already has an open dispute.");
        model.addAttribute("openDisputeId", open.get().getId());
        return "dispute/new-dispute";
      }
      model.addAttribute("subject", subject);
      model.addAttribute(
          "schema", new ClassPathResource(FORM).getContentAsString(StandardCharsets.UTF_8));
    } catch (ConflictException e) {
      model.addAttribute("refusal", e.getMessage());
    }
    return "dispute/new-dispute";
  }

  @PostMapping("/disputes/{id}/withdraw")
  String withdraw(
      @PathVariable String id,
      @AuthenticationPrincipal PartnerflowUser user,
      RedirectAttributes redirect) {
    try {
      service.withdraw(user, id);
      redirect.addFlashAttribute(
          "flash",
          "You withdrew the dispute. You may dispute the decision again within its window.");
    } catch (ConflictException | TemporarilyUnavailableException e) {
      redirect.addFlashAttribute("flashError", e.getMessage());
    }
    return "redirect:/disputes/" + id;
  }

  private static String subjectHref(Dispute d) {
    return d.getMdfRequestId() == null ? null : "/mdf-requests/" + d.getMdfRequestId();
  }
}
