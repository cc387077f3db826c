package com.partnerflow.mdf;

import com.partnerflow.common.ConflictException;
import com.partnerflow.common.NotFoundException;
import com.partnerflow.engine.EngineMessage;
import com.partnerflow.engine.EngineMessages;
import com.partnerflow.engine.ProcessVariables;
import com.partnerflow.fund.FundBalance;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.PartnerStatus;
import com.partnerflow.partner.Partners;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/** Submits MDF requests (starting the {@code mdf-request} process) and answers who sees which. */
@Service
public class MdfRequestService {
  /** {@link ProcessVariables} declared for the process owners' compatibility check. */
  @Bean
  static ProcessVariables mdfRequestVariables() {
    return MdfProcess.VARIABLES;
  }

  private final MdfRequests requests;
  private final Partners partners;
  private final FundLedger funds;
  private final EngineMessages messages;
  private final Clock clock;
  private final TransactionTemplate transaction;

  MdfRequestService(
      MdfRequests requests,
      Partners partners,
      FundLedger funds,
      EngineMessages messages,
      Clock clock,
      TransactionTemplate transaction) {
    this.transaction = transaction;
    this.requests = requests;
    this.partners = partners;
    this.funds = funds;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * Stores the request as SUBMITTED and starts its process, at once or, while the engine is away,
   * as soon as it answers; refused (nothing written) for internal users (403), bad input (400) and
   * partners that are not ACTIVE (409).
   */
  public Submitted submit(PartnerflowUser user, MdfRequestSubmission submission) {
    if (!user.isPartnerUser()) {
      throw forbidden("Only partner users submit MDF requests");
    }
    Partner partner =
        partners
            .findById(user.partnerId())
            .orElseThrow(() -> new NotFoundException("Partner " + user.partnerId()));
    if (partner.getStatus() != PartnerStatus.ACTIVE) {
      throw new ConflictException(
          "Partner "
              + partner.getName()
              + " is "
              + partner.getStatus()
              + " and cannot request funds");
    }
    String period = funds.currentPeriod().id();
    List<String> currencies =
        funds.balances(partner.getId()).stream()
            .filter(b -> b.period().equals(period))
            .map(FundBalance::currency)
            .toList();
    MdfRequestValidation.check(submission, currencies);
    // The request and its pending start are stored together: an engine that is away delays the
    // start, it never loses or repeats it (EngineMessages).
    MdfRequest request =
        transaction.execute(
            s -> {
              MdfRequest saved =
                  requests.save(
                      new MdfRequest(
                          partner.getId(), user.username(), submission, clock.instant()));
              messages.enqueue(
                  EngineMessage.start(
                      MdfProcess.SUBMITTED_MESSAGE,
                      saved.getId(),
                      MdfProcess.VARIABLES.checkedMessage(
                          MdfProcess.SUBMITTED_MESSAGE, startVariables(saved, partner))));
              return saved;
            });
    return new Submitted(request, messages.send(request.getId()));
  }

  /**
   * A stored submission.
   *
   * @param request the request, SUBMITTED
   * @param started whether the engine has its start already; otherwise it is sent as soon as the
   *     engine answers
   */
  public record Submitted(MdfRequest request, boolean started) {}

  private static Map<String, Object> startVariables(MdfRequest request, Partner partner) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("mdfRequestId", request.getId());
    variables.put("partnerId", partner.getId());
    variables.put("tier", partner.getTier().name());
    variables.put("activityType", request.getActivityType().name());
    variables.put("title", request.getTitle());
    variables.put("currency", request.getCurrency());
    variables.put("totalCost", request.getTotalCost());
    variables.put("requestedAmount", request.getRequestedAmount());
    variables.put("partnerContribution", request.getPartnerContribution());
    variables.put("startDate", request.getStartDate().toString());
    variables.put("endDate", request.getEndDate().toString());
    variables.put("revisionRound", 0);
    return variables;
  }

  /** The request if the caller may see it: internal users see all, partner users their own. */
  @Transactional(readOnly = true)
  public MdfRequest get(PartnerflowUser user, String id) {
    return requests
        .findById(id)
        .filter(r -> !user.isPartnerUser() || r.getPartnerId().equals(user.partnerId()))
        .orElseThrow(() -> new NotFoundException("MDF request " + id));
  }

  /**
   * The caller's visible requests matching the filter, newest first: internal users see every
   * partner's, partner users only their own (another partner's id finds nothing).
   */
  @Transactional(readOnly = true)
  public List<MdfRequest> list(PartnerflowUser user, MdfRequestFilter filter) {
    String partnerId = filter.partnerId();
    if (user.isPartnerUser()) {
      if (partnerId != null && !partnerId.equals(user.partnerId())) {
        return List.of();
      }
      partnerId = user.partnerId();
    }
    return requests.findFiltered(
        filter.status(),
        partnerId,
        filter.tier(),
        filter.region(),
        filter.submittedAtOrBefore(clock.instant()));
  }

  private static ErrorResponseException forbidden(String detail) {
    return new ErrorResponseException(
        HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail), null);
  }
}
