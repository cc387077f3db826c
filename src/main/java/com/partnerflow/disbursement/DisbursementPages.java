package com.partnerflow.disbursement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.common.ConflictException;
import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.common.NotFoundException;
import com.partnerflow.common.TemporarilyUnavailableException;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.mdf.MdfDisbursements;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.Partners;
import com.partnerflow.task.InboxTask;
import com.partnerflow.task.InboxTasks;
import com.partnerflow.task.TaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The disbursement pages: marketing-ops' verification queue with each claim's evidence inline, and
 * finance's payments and batches with their pain.001 files, the payment run and the bank's answers.
 * Both reuse the services behind {@code /api/payments}; to everyone else they are the 404 page.
 */
@Controller
class DisbursementPages {

  /** The form of every verification task (marketing-ops', finance's and escalated ones). */
  static final String VERIFICATION_FORM = "milestone-claim-verification";

  static final String MARKETING_OPS = "marketing-ops";

  private final PaymentDesk desk;
  private final PaymentRuns runs;
  private final Payments payments;
  private final PaymentBatches batches;
  private final Claims claims;
  private final ClaimFiles files;
  private final InboxTasks tasks;
  private final MdfDisbursements requests;
  private final Partners partners;
  private final ObjectMapper json;

  DisbursementPages(
      PaymentDesk desk,
      PaymentRuns runs,
      Payments payments,
      PaymentBatches batches,
      Claims claims,
      ClaimFiles files,
      InboxTasks tasks,
      MdfDisbursements requests,
      Partners partners,
      ObjectMapper json) {
    this.desk = desk;
    this.runs = runs;
    this.payments = payments;
    this.batches = batches;
    this.claims = claims;
    this.files = files;
    this.tasks = tasks;
    this.requests = requests;
    this.partners = partners;
    this.json = json;
  }

  /** One open verification task with its claim, as the queue shows it. */
  record QueueRow(
      long taskId,
      String taskName,
      String partnerName,
      String requestId,
      String requestTitle,
      String milestoneName,
      Claim claim,
      List<EvidenceLink> files) {}

  /** An evidence file as a link to {@code GET /api/attachments/{id}}. */
  record EvidenceLink(String id, String fileName, String contentType, boolean image) {}

  @GetMapping("/disbursements/verification")
  @Transactional(readOnly = true)
  String verification(@AuthenticationPrincipal PartnerflowUser user, Model model) {
    if (user.isPartnerUser()
        || !(user.inGroup(MARKETING_OPS) || user.inGroup(PaymentDesk.FINANCE) || user.isAdmin())) {
      throw new NotFoundException("Verification queue");
    }
    Map<String, String> names = partnerNames();
    List<QueueRow> rows = new ArrayList<>();
    for (InboxTask task :
        tasks.findByStateAndFormKeyOrderByCreatedAtAsc(TaskState.OPEN, VERIFICATION_FORM)) {
      String claimId = contextValue(task, "claimId");
      Optional<Claim> claim = claimId == null ? Optional.empty() : claims.findById(claimId);
      if (claim.isEmpty()) {
        continue;
      }
      Claim c = claim.get();
      MdfDisbursements.DisbursedRequest request = requests.request(c.getMdfRequestId());
      String milestone =
          request.milestones().stream()
              .filter(m -> m.id().equals(c.getMilestoneId()))
              .map(MdfDisbursements.MilestoneShare::name)
              .findFirst()
              .orElse(c.getMilestoneId());
      List<EvidenceLink> evidence =
          files.findByKeyClaimId(c.getId()).stream()
              .map(
                  f ->
                      new EvidenceLink(
                          f.attachmentId(),
                          f.getFileName(),
                          f.getContentType(),
                          f.getContentType() != null && f.getContentType().startsWith("image/")))
              .toList();
      rows.add(
          new QueueRow(
              task.getId(),
              task.getName(),
              names.getOrDefault(c.getPartnerId(), c.getPartnerId()),
              request.id(),
              request.title(),
              milestone,
              c,
              evidence));
    }
    model.addAttribute("rows", rows);
    return "disbursement/verification";
  }

  @GetMapping("/payments")
  @Transactional(readOnly = true)
  String payments(@AuthenticationPrincipal PartnerflowUser user, Model model) {
    PaymentDesk.requireFinance(user, "Payments");
    List<Payment> all = payments.findAllByOrderByCreatedAtDesc();
    model.addAttribute("payments", all);
    model.addAttribute(
        "waitingBatches",
        all.stream()
            .filter(DisbursementPages::waiting)
            .map(Payment::getBatchId)
            .collect(Collectors.toSet()));
    model.addAttribute("batches", batches.findAllByOrderByCreatedAtDesc());
    model.addAttribute("partnerNames", partnerNames());
    return "disbursement/payments";
  }

  @PostMapping("/payments/runs")
  String startRun(@AuthenticationPrincipal PartnerflowUser user, RedirectAttributes redirect) {
    PaymentDesk.requireFinance(user, "Payment runs");
    return act(
        redirect,
        () -> {
          PaymentRuns.Gathered run = desk.startRun(user);
          List<PaymentBatch> started = run.batches();
          int count = started.stream().mapToInt(PaymentBatch::getPaymentCount).sum();
          int held = run.held().size();
          return "Payment run started: "
              + started.size()
              + (started.size() == 1 ? " batch" : " batches")
              + " with "
              + count
              + (count == 1 ? " payment." : " payments.")
              + (held == 0
                  ? ""
                  : " "
                      + held
                      + (held == 1 ? " payment is" : " payments are")
                      + " held: the partner has no usable bank details.");
        });
  }

  @PostMapping("/payments/{id}/confirmation")
  String confirm(
      @PathVariable String id,
      @RequestParam(required = false) String reference,
      @AuthenticationPrincipal PartnerflowUser user,
      RedirectAttributes redirect) {
    PaymentDesk.requireFinance(user, "Payment " + id);
    return act(
        redirect,
        () ->
            "Payment confirmed with reference " + desk.confirm(id, reference).getReference() + ".");
  }

  @PostMapping("/payments/{id}/failure")
  String fail(
      @PathVariable String id,
      @RequestParam(required = false) String reason,
      @AuthenticationPrincipal PartnerflowUser user,
      RedirectAttributes redirect) {
    PaymentDesk.requireFinance(user, "Payment " + id);
    return act(
        redirect,
        () -> "Payment marked as failed: " + desk.fail(id, reason).getFailureReason() + ".");
  }

  /** Confirms every payment of the batch that is still waiting for the bank. */
  @PostMapping("/payments/batches/{id}/confirmation")
  String confirmBatch(
      @PathVariable String id,
      @RequestParam(required = false) String reference,
      @AuthenticationPrincipal PartnerflowUser user,
      RedirectAttributes redirect) {
    PaymentDesk.requireFinance(user, "Payment batch " + id);
    return act(
        redirect,
        () -> "Batch confirmed: " + eachWaiting(id, p -> desk.confirm(p, reference)) + ".");
  }

  /** Reports every payment of the batch that is still waiting for the bank as failed. */
  @PostMapping("/payments/batches/{id}/failure")
  String failBatch(
      @PathVariable String id,
      @RequestParam(required = false) String reason,
      @AuthenticationPrincipal PartnerflowUser user,
      RedirectAttributes redirect) {
    PaymentDesk.requireFinance(user, "Payment batch " + id);
    return act(
        redirect,
        () -> "Batch marked as failed: " + eachWaiting(id, p -> desk.fail(p, reason)) + ".");
  }

  /** Answers each payment of the batch still waiting for the bank; "n payments" answered. */
  private String eachWaiting(String batchId, Consumer<String> answer) {
    runs.batch(batchId);
    int count = 0;
    for (Payment p : runs.paymentsOf(batchId)) {
      if (waiting(p)) {
        answer.accept(p.getId());
        count++;
      }
    }
    return count + (count == 1 ? " payment" : " payments");
  }

  private static boolean waiting(Payment p) {
    return p.getStatus() == PaymentStatus.IN_BATCH || p.getStatus() == PaymentStatus.SENT;
  }

  /** Runs a finance action and leaves its outcome as the flash of the payments page. */
  private static String act(RedirectAttributes redirect, Supplier<String> action) {
    try {
      redirect.addFlashAttribute("flash", action.get());
    } catch (InvalidRequestException e) {
      redirect.addFlashAttribute(
          "flashError",
          e.problems().stream()
              .map(p -> p.field() + " " + p.message())
              .collect(Collectors.joining("; ")));
    } catch (ConflictException | TemporarilyUnavailableException e) {
      redirect.addFlashAttribute("flashError", e.getMessage());
    }
    return "redirect:/payments";
  }

  private String contextValue(InboxTask task, String key) {
    if (task.getContextJson() == null) {
      return null;
    }
    try {
      JsonNode value = json.readTree(task.getContextJson()).get(key);
      return value == null || value.isNull() ? null : value.asText();
    } catch (Exception e) {
      return null;
    }
  }

  private Map<String, String> partnerNames() {
    return partners.findAll().stream().collect(Collectors.toMap(Partner::getId, Partner::getName));
  }
}
