package com.partnerflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.reliability.ReliabilityFigures.Tally;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The tier's counting of lost and duplicated work items, on which every scenario's figures rest.
 */
@Tag("reliability")
class ReliabilityFiguresTest {

  @Test
  void everyExpectedItemObservedOnceIsNeitherLostNorDuplicated() {
    Tally tally = Tally.of(List.of("a", "b", "c"), List.of("c", "a", "b"));

    assertThat(tally.expected()).isEqualTo(3);
    assertThat(tally.lost()).isZero();
    assertThat(tally.duplicated()).isZero();
    assertThat(tally.examples()).isEmpty();
  }

  @Test
  void aMissingItemIsLostAndARepeatedOrUnexpectedOneDuplicated() {
    Tally tally = Tally.of(List.of("a", "b", "c"), List.of("a", "a", "a", "b", "x"));

    assertThat(tally.lost()).isEqualTo(1);
    // Two more of "a" and one "x" that nothing asked for.
    assertThat(tally.duplicated()).isEqualTo(3);
    assertThat(tally.examples()).contains("lost c", "3 × a", "1 × x");
  }
}
