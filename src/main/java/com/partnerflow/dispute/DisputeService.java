package com.partnerflow.dispute;

import com.partnerflow.common.ConflictException;
import com.partnerflow.common.FieldProblem;
import com.partnerflow.common.ForbiddenException;
import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.common.NotFoundException;
import com.partnerflow.common.TemporarilyUnavailableException;
import com.partnerflow.engine.ProcessVariables;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.Partners;
import com.partnerflow.task.UserTaskJob;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The partner's side of disputes: opening one (checked, stored, its process started), reading and
 * listing what the caller may see, and withdrawing an undecided one.
 */
@Service
public class DisputeService {
  /** {@link ProcessVariables} declared for the process owners' compatibility check. */
  @Bean
  static ProcessVariables disputeVariables() {
    return DisputeProcess.VARIABLES;
  }

  static final int MAX_EXPLANATION = 4000;

  private final Disputes disputes;
  private final DisputeSubjects subjects;
  private final DisputeTrail trail;
  private final Partners partners;
  private final CamundaClient client;
  private final TransactionTemplate transaction;
  private final Clock clock;

  DisputeService(
      Disputes disputes,
      DisputeSubjects subjects,
      DisputeTrail trail,
      Partners partners,
      CamundaClient client,
      TransactionTemplate transaction,
      Clock clock) {
    this.disputes = disputes;
    this.subjects = subjects;
    this.trail = trail;
    this.partners = partners;
    this.client = client;
    this.transaction = transaction;
    this.clock = clock;
  }

  /**
   * Opens a dispute for the caller's partner: 403 for internal users, 400 for bad fields (every one
   * named) or an amount above what the decision withheld, 404 for another partner's or an unknown
   * subject, 409 for an undecided subject, one past the window or one with an open dispute. Nothing
   * is written when refused.
   */
  public Dispute open(PartnerflowUser user, DisputeRequest request) {
    if (!user.isPartnerUser()) {
      throw new ForbiddenException("Only partner users open disputes");
    }
    checkFields(request);
    Instant now = clock.instant();
    DisputeSubject subject =
        subjects.disputable(request.subjectType(), request.subjectId(), user.partnerId(), now);
    if (request.disputedAmount().compareTo(subject.maxDisputable()) > 0) {
      throw InvalidRequestException.of(
          "disputedAmount",
          "must not exceed "
              + subject.maxDisputable().toPlainString()
              + " "
              + subject.currency()
              + ", what the decision withheld");
    }
    Partner partner = partners.findById(user.partnerId()).orElseThrow();
    Dispute dispute;
    try {
      dispute =
          transaction.execute(
              s -> {
                Dispute d =
                    disputes.saveAndFlush(
                        new Dispute(
                            subject, request, partner.getTier().name(), user.username(), now));
                trail.record(
                    d, "OPENED", user.username(), d.getExplanation(), d.getDisputedAmount(), null);
                return d;
              });
    } catch (DataIntegrityViolationException e) {
      throw new ConflictException(
          DisputeSubjects.label(subject.type())
              + " "
              + subject.id()
              + " already has an open dispute");
    }
    long key;
    try {
      key = start(dispute, subject);
    } catch (RuntimeException e) {
      transaction.executeWithoutResult(s -> trail.delete(dispute.getId()));
      throw new TemporarilyUnavailableException("The process engine did not start the dispute", e);
    }
    return noteStart(dispute.getId(), key);
  }

  private Dispute noteStart(String id, long key) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(
            s -> {
              Dispute d = disputes.findById(id).orElseThrow();
              d.started(key);
              return d;
            });
      } catch (ObjectOptimisticLockingFailureException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  private static void checkFields(DisputeRequest r) {
    List<FieldProblem> problems = new ArrayList<>();
    if (r.subjectType() == null) {
      problems.add(new FieldProblem("subjectType", "must be one of MDF_REQUEST, CLAIM, PAYMENT"));
    }
    if (r.subjectId() == null || r.subjectId().isBlank() || r.subjectId().length() > 36) {
      problems.add(new FieldProblem("subjectId", "must be the subject's id (1 to 36 characters)"));
    }
    BigDecimal amount = r.disputedAmount();
    if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
      problems.add(
          new FieldProblem("disputedAmount", "must be a positive amount with at most 2 decimals"));
    }
    if (r.category() == null) {
      problems.add(
          new FieldProblem(
              "category", "must be one of ELIGIBILITY, AMOUNT, EVIDENCE, TIMELINESS, OTHER"));
    }
    if (r.explanation() == null || r.explanation().isBlank()) {
      problems.add(new FieldProblem("explanation", "must not be blank"));
    } else if (r.explanation().length() > MAX_EXPLANATION) {
      problems.add(
          new FieldProblem("explanation", "must have at most " + MAX_EXPLANATION + " characters"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  private long start(Dispute d, DisputeSubject subject) {
    Map<String, Object> v = new HashMap<>();
    v.put("disputeId", d.getId());
    v.put("partnerId", d.getPartnerId());
    v.put("subjectType", d.getSubjectType().name());
    v.put("mdfRequestId", d.getMdfRequestId());
    switch (d.getSubjectType()) {
      case CLAIM -> v.put("claimId", d.getSubjectId());
      case PAYMENT -> v.put("paymentId", d.getSubjectId());
      case MDF_REQUEST -> {}
    }
    v.put("disputedAmount", d.getDisputedAmount());
    v.put("currency", d.getCurrency());
    v.put("category", d.getCategory().name());
    v.put("decisionType", d.getDecisionType());
    v.put(UserTaskJob.EXCLUDED_USERS_VARIABLE, subject.deciders());
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(DisputeProcess.PROCESS_ID)
        .latestVersion()
        .variables(DisputeProcess.VARIABLES.checked(v))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  /**
   * The caller's subject if it can be disputed now, as {@link #open} checks it: 404 for another
   * partner's or an unknown subject (and for internal users), 409 when it cannot be disputed.
   */
  DisputeSubject disputable(PartnerflowUser user, SubjectType type, String subjectId) {
    if (!user.isPartnerUser() || type == null || subjectId == null) {
      throw new NotFoundException("Subject " + subjectId);
    }
    return subjects.disputable(type, subjectId, user.partnerId(), clock.instant());
  }

  /** The subject's open dispute, if it has one. */
  @Transactional(readOnly = true)
  Optional<Dispute> openDispute(SubjectType type, String subjectId) {
    return disputes.findByOpenSubjectKey(Dispute.subjectKey(type, subjectId));
  }

  /** The dispute if the caller may see it: internal users all, partner users their own. */
  @Transactional(readOnly = true)
  public Dispute get(PartnerflowUser user, String id) {
    return disputes
        .findById(id)
        .filter(d -> !user.isPartnerUser() || d.getPartnerId().equals(user.partnerId()))
        .orElseThrow(() -> new NotFoundException("Dispute " + id));
  }

  @Transactional(readOnly = true)
  public List<Dispute> list(PartnerflowUser user) {
    return user.isPartnerUser()
        ? disputes.findByPartnerIdOrderByOpenedAtDesc(user.partnerId())
        : disputes.findAllByOrderByOpenedAtDesc();
  }

  /**
   * The partner withdraws an undecided dispute: its process is cancelled and it is WITHDRAWN, both
   * under the dispute's row lock, so no process step can resolve it meanwhile. 404 for others'
   * disputes, 403 for internal users, 409 once it is resolved or withdrawn, 503 (nothing changed)
   * when the engine does not take the cancellation.
   */
  public Dispute withdraw(PartnerflowUser user, String id) {
    if (!user.isPartnerUser()) {
      get(user, id);
      throw new ForbiddenException("Only the partner withdraws a dispute");
    }
    return transaction.execute(
        s -> {
          Dispute d =
              disputes
                  .lock(id)
                  .filter(x -> x.getPartnerId().equals(user.partnerId()))
                  .orElseThrow(() -> new NotFoundException("Dispute " + id));
          if (!d.getStatus().isOpen()) {
            throw new ConflictException("Dispute " + id + " is " + d.getStatus());
          }
          if (d.getProcessInstanceKey() != null) {
            cancel(d.getProcessInstanceKey());
          }
          d.withdraw(clock.instant());
          trail.record(d, "WITHDRAWN", user.username(), null, null, null);
          return d;
        });
  }

  /** Cancels the instance; one the engine no longer has (cancelled before) is fine. */
  private void cancel(long processInstanceKey) {
    try {
      client.newCancelInstanceCommand(processInstanceKey).send().join();
    } catch (RuntimeException e) {
      if (engineHasNo(e)) {
        return;
      }
      throw new TemporarilyUnavailableException(
          "The process engine did not cancel the dispute; nothing changed, try again", e);
    }
  }

  /** The engine's NOT_FOUND, over gRPC or REST (a problem response with 404). */
  private static boolean engineHasNo(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ClientStatusException grpc) {
        return grpc.getStatusCode() == Status.Code.NOT_FOUND;
      }
      if (t instanceof ProblemException rest) {
        return rest.code() == 404;
      }
    }
    return false;
  }
}
