package com.partnerflow.dispute;

import com.partnerflow.common.ForbiddenException;
import com.partnerflow.identity.PartnerflowUser;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Numbers for governance: open disputes by status, time to resolution (median and p90), overturn
 * rate per decision type and per original decider group, disputes per partner tier. A high overturn
 * rate says an approval rule or DMN threshold needs changing.
 */
@Service
public class DisputeStats {

  private final Disputes disputes;

  DisputeStats(Disputes disputes) {
    this.disputes = disputes;
  }

  /** How often resolved disputes of one kind changed the decision (overturned or settled). */
  public record OverturnRate(
      long resolved, long overturned, @Schema(example = "0.25") BigDecimal rate) {}

  /** The statistics; durations in ISO 8601, null while nothing is resolved. */
  @Schema(name = "DisputeStats")
  public record Stats(
      long total,
      Map<DisputeStatus, Long> openByStatus,
      @Schema(example = "PT52H") String medianTimeToResolution,
      @Schema(example = "PT160H") String p90TimeToResolution,
      Map<String, OverturnRate> overturnRateByDecisionType,
      Map<String, OverturnRate> overturnRateByDeciderGroup,
      Map<String, Long> disputesByPartnerTier) {}

  /** For internal users only (403 for partner users). */
  @Transactional(readOnly = true)
  public Stats stats(PartnerflowUser user) {
    if (user.isPartnerUser()) {
      throw new ForbiddenException("Dispute statistics are for internal users");
    }
    List<Dispute> all = disputes.findAll();
    Map<DisputeStatus, Long> open = new TreeMap<>();
    all.stream()
        .filter(d -> d.getStatus().isOpen())
        .forEach(d -> open.merge(d.getStatus(), 1L, Long::sum));
    List<Dispute> resolved =
        all.stream().filter(d -> d.getStatus() == DisputeStatus.RESOLVED).toList();
    List<Duration> times =
        resolved.stream()
            .map(d -> Duration.between(d.getOpenedAt(), d.getClosedAt()))
            .sorted(Comparator.naturalOrder())
            .toList();
    return new Stats(
        all.size(),
        open,
        percentile(times, 50),
        percentile(times, 90),
        rates(resolved, Dispute::getDecisionType),
        rates(resolved, Dispute::getDeciderGroup),
        all.stream()
            .collect(
                Collectors.groupingBy(
                    Dispute::getPartnerTier, TreeMap::new, Collectors.counting())));
  }

  /** The nearest-rank percentile. */
  static String percentile(List<Duration> sorted, int p) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1).toString();
  }

  private static Map<String, OverturnRate> rates(
      List<Dispute> resolved, Function<Dispute, String> key) {
    Map<String, List<Dispute>> groups =
        resolved.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    Map<String, OverturnRate> rates = new TreeMap<>();
    groups.forEach(
        (k, list) -> {
          long changed = list.stream().filter(d -> d.getOutcome() != DisputeOutcome.UPHELD).count();
          rates.put(
              k,
              new OverturnRate(
                  list.size(),
                  changed,
                  BigDecimal.valueOf(changed)
                      .divide(BigDecimal.valueOf(list.size()), 4, RoundingMode.HALF_UP)));
        });
    return rates;
  }
}
