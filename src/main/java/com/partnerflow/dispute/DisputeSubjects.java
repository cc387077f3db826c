package com.partnerflow.dispute;

import com.partnerflow.common.ConflictException;
import com.partnerflow.common.NotFoundException;
import com.partnerflow.disbursement.DisbursementDisputes;
import com.partnerflow.disbursement.DisbursementDisputes.DisputedClaim;
import com.partnerflow.disbursement.DisbursementDisputes.DisputedPayment;
import com.partnerflow.disbursement.PaymentStatus;
import com.partnerflow.mdf.MdfDisputes;
import com.partnerflow.mdf.MdfDisputes.DisputedRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds the decision a partner disputes and checks that it may be disputed now: the partner's own
 * (another partner's subject is not found), decided (409 otherwise), within the DMN's window (409
 * after it). The deciders are who took part in the decision; the group the decision belongs to
 * feeds the overturn-rate statistics.
 */
@Component
class DisputeSubjects {

  private final MdfDisputes requests;
  private final DisbursementDisputes disbursements;
  private final DisputePolicy policy;

  DisputeSubjects(MdfDisputes requests, DisbursementDisputes disbursements, DisputePolicy policy) {
    this.requests = requests;
    this.disbursements = disbursements;
    this.policy = policy;
  }

  /** The partner's subject with its decision, or 404 / 409 as the class comment says. */
  DisputeSubject disputable(SubjectType type, String id, String partnerId, Instant now) {
    DisputeSubject subject =
        find(type, id)
            .filter(s -> s.partnerId().equals(partnerId))
            .orElseThrow(() -> new NotFoundException(label(type) + " " + id));
    DisputePolicy.Window window = policy.window(type);
    if (type == SubjectType.PAYMENT) {
      DisputedPayment payment = (DisputedPayment) subject.details();
      Instant lateAt = payment.instructedAt().plus(window.paymentLateAfter());
      if (payment.status() == PaymentStatus.CONFIRMED || now.isBefore(lateAt)) {
        throw new ConflictException(
            "Payment "
                + id
                + " is not late: it is "
                + payment.status()
                + " and counts as late from "
                + lateAt);
      }
      return subject;
    }
    if (subject.decisionType() == null) {
      throw new ConflictException(
          label(type) + " " + id + " has no decision that can be disputed (undecided or granted)");
    }
    Instant closesAt = subject.decidedAt().plus(window.disputeWindow());
    if (now.isAfter(closesAt)) {
      throw new ConflictException(
          "The window to dispute " + label(type) + " " + id + " closed at " + closesAt);
    }
    return subject;
  }

  Optional<DisputeSubject> find(SubjectType type, String id) {
    return switch (type) {
      case MDF_REQUEST -> requests.find(id).map(DisputeSubjects::of);
      case CLAIM -> disbursements.claim(id).map(DisputeSubjects::of);
      case PAYMENT -> disbursements.payment(id).map(DisputeSubjects::of);
    };
  }

  private static DisputeSubject of(DisputedRequest r) {
    BigDecimal withheld =
        r.approvedAmount() == null || "REJECTED".equals(r.decision())
            ? r.requestedAmount()
            : r.requestedAmount().subtract(r.approvedAmount());
    return new DisputeSubject(
        SubjectType.MDF_REQUEST,
        r.id(),
        r.partnerId(),
        r.id(),
        r.currency(),
        r.decision() == null ? null : "MDF_" + r.decision(),
        r.decidedAt(),
        withheld,
        r.deciders(),
        r.deciderGroup(),
        r);
  }

  private static DisputeSubject of(DisputedClaim c) {
    BigDecimal claimed = c.claimedAmount() == null ? BigDecimal.ZERO : c.claimedAmount();
    BigDecimal approved = c.approvedAmount() == null ? BigDecimal.ZERO : c.approvedAmount();
    List<String> deciders = c.verifiers();
    return new DisputeSubject(
        SubjectType.CLAIM,
        c.id(),
        c.partnerId(),
        c.mdfRequestId(),
        c.currency(),
        c.decision() == null ? null : "CLAIM_" + c.decision(),
        c.decidedAt(),
        "REJECTED".equals(c.decision()) ? claimed : claimed.subtract(approved),
        deciders,
        "marketing-ops",
        c);
  }

  private static DisputeSubject of(DisputedPayment p) {
    List<String> deciders = p.verifiedBy();
    return new DisputeSubject(
        SubjectType.PAYMENT,
        p.id(),
        p.partnerId(),
        p.mdfRequestId(),
        p.currency(),
        "PAYMENT_LATE",
        p.instructedAt(),
        p.amount(),
        deciders,
        "finance",
        p);
  }

  /**
   * How a page names the subject: its kind ({@link #label}) and either the MDF request's title or
   * the amount a claim asked for / a payment carries.
   */
  record Heading(String kind, String title, BigDecimal amount, String currency) {}

  /** The heading of a dispute's subject; only the kind when the subject is gone. */
  Heading heading(SubjectType type, String id) {
    String kind = label(type);
    return find(type, id)
        .map(
            s ->
                switch (s.details()) {
                  case DisputedRequest r -> new Heading(kind, r.title(), null, r.currency());
                  case DisputedClaim c -> new Heading(kind, null, c.claimedAmount(), c.currency());
                  case DisputedPayment p -> new Heading(kind, null, p.amount(), p.currency());
                  default -> new Heading(kind, null, null, null);
                })
        .orElseGet(() -> new Heading(kind, null, null, null));
  }

  static String label(SubjectType type) {
    return switch (type) {
      case MDF_REQUEST -> "MDF request";
      case CLAIM -> "Claim";
      case PAYMENT -> "Payment";
    };
  }
}
