package com.partnerflow.mdf;

import com.partnerflow.partner.PartnerStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The eligibility rules of issue 5, item 3. Every rule is checked and every reason is returned, so
 * the partner learns all of them at once. Incentive stacking: another open or approved request of
 * the same partner whose dates overlap and whose title is similar (at least half of the words in
 * common) — regardless of the activity type, since the same activity is sometimes filed under
 * another type.
 */
final class EligibilityRules {

  static final Set<MdfStatus> HOLDING =
      Set.of(
          MdfStatus.SUBMITTED,
          MdfStatus.IN_REVIEW,
          MdfStatus.CHANGES_REQUESTED,
          MdfStatus.APPROVED,
          MdfStatus.IN_DISBURSEMENT);

  private EligibilityRules() {}

  /**
   * @param available the available balance of the period in the request's currency; {@code null}
   *     when the partner has no such budget
   * @param others the partner's other requests
   */
  static List<String> reasons(
      MdfRequest request,
      PartnerStatus partnerStatus,
      TierBenefits benefits,
      BigDecimal available,
      LocalDate periodStart,
      LocalDate periodEnd,
      LocalDate today,
      List<MdfRequest> others) {
    List<String> reasons = new ArrayList<>();
    if (partnerStatus != PartnerStatus.ACTIVE) {
      reasons.add("The partner is " + partnerStatus + ", not ACTIVE");
    }
    if (!benefits.allowedActivityTypes().contains(request.getActivityType().name())) {
      reasons.add(
          "Activity type "
              + request.getActivityType()
              + " is not allowed for the tier (allowed: "
              + String.join(", ", benefits.allowedActivityTypes())
              + ")");
    }
    BigDecimal requested = request.getRequestedAmount();
    if (requested.compareTo(benefits.perActivityCap()) > 0) {
      reasons.add(
          "Requested "
              + plain(requested)
              + " exceeds the cap per activity of "
              + plain(benefits.perActivityCap()));
    }
    if (available == null) {
      reasons.add("The partner has no " + request.getCurrency() + " budget in this fund period");
    } else if (requested.compareTo(available) > 0) {
      reasons.add(
          "Requested "
              + plain(requested)
              + " exceeds the available balance of "
              + plain(available));
    }
    BigDecimal share =
        request.getPartnerContribution().divide(request.getTotalCost(), 4, RoundingMode.HALF_UP);
    if (share.compareTo(benefits.minCoFundingShare()) < 0) {
      reasons.add(
          "Co-funding share "
              + percent(share)
              + " is below the tier minimum of "
              + percent(benefits.minCoFundingShare()));
    }
    if (!request.getStartDate().isAfter(today)) {
      reasons.add("The activity must start in the future (after " + today + ")");
    }
    if (request.getStartDate().isBefore(periodStart) || request.getEndDate().isAfter(periodEnd)) {
      reasons.add(
          "The activity's dates must lie within the fund period "
              + periodStart
              + " – "
              + periodEnd);
    }
    for (MdfRequest other : others) {
      if (!other.getId().equals(request.getId())
          && HOLDING.contains(other.getStatus())
          && overlaps(request, other)
          && similar(request.getTitle(), other.getTitle())) {
        reasons.add(
            "Incentive stacking: request "
                + other.getId()
                + " ('"
                + other.getTitle()
                + "') already funds this activity");
      }
    }
    return reasons;
  }

  static boolean overlaps(MdfRequest a, MdfRequest b) {
    return !a.getEndDate().isBefore(b.getStartDate()) && !b.getEndDate().isBefore(a.getStartDate());
  }

  static boolean similar(String a, String b) {
    Set<String> wordsA = words(a);
    Set<String> wordsB = words(b);
    if (wordsA.isEmpty() || wordsB.isEmpty()) {
      return false;
    }
    Set<String> common = new HashSet<>(wordsA);
    common.retainAll(wordsB);
    return common.size() * 2 >= Math.max(wordsA.size(), wordsB.size());
  }

  private static Set<String> words(String title) {
    Set<String> words = new HashSet<>(Arrays.asList(title.toLowerCase(Locale.ROOT).split("\\W+")));
    words.remove("");
    return words;
  }

  private static String plain(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
  }

  private static String percent(BigDecimal share) {
    return share.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
  }
}
