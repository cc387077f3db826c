package com.partnerflow.onboarding;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OnboardingTokens extends JpaRepository<OnboardingToken, String> {

  /** Uses the token up; answers 1 for the one caller that did, 0 when it was used already. */
  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query(
      "update OnboardingToken t set t.usedAt = :now where t.tokenHash = :hash and t.usedAt is null")
  int useUp(@Param("hash") String hash, @Param("now") Instant now);
}
