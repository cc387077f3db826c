package com.partnerflow.processowner.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeelNamesTest {

  @Test
  void aPathReadsItsFirstName() {
    assertThat(FeelNames.read("=routing.approvalGroups[1]")).containsExactly("routing");
  }

  @Test
  void everyReferenceOfAnExpressionIsRead() {
    assertThat(FeelNames.read("= amount > limit and tier = \"GOLD\""))
        .containsExactlyInAnyOrder("amount", "limit", "tier");
  }

  @Test
  void namesInsideAFilterAreTheItemsKeysNotVariables() {
    assertThat(FeelNames.read("=count(claims[amount > threshold]) > 0")).containsExactly("claims");
  }

  @Test
  void namesBoundByForSomeAndEveryAreNotVariables() {
    assertThat(FeelNames.read("=for m in milestones return m.amount + fee"))
        .containsExactlyInAnyOrder("milestones", "fee");
    assertThat(FeelNames.read("=some g in groups satisfies g = reviewer"))
        .containsExactlyInAnyOrder("groups", "reviewer");
    assertThat(FeelNames.read("=every s in scores satisfies s >= minimum"))
        .containsExactlyInAnyOrder("scores", "minimum");
  }

  @Test
  void aBlankOrUnparsableExpressionReadsNothing() {
    assertThat(FeelNames.read(null)).isEmpty();
    assertThat(FeelNames.read("  ")).isEmpty();
    assertThat(FeelNames.read("=amount >")).isEmpty();
  }
}
