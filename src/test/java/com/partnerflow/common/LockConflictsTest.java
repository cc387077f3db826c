package com.partnerflow.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

class LockConflictsTest {

  final AtomicInteger runs = new AtomicInteger();

  @Test
  void aTransactionChosenAsDeadlockVictimRunsAgain() {
    String result =
        LockConflicts.retried(
            "test",
            () -> {
              if (runs.incrementAndGet() < 3) {
                throw new CannotAcquireLockException("Deadlock found when trying to get lock");
              }
              return "gathered";
            });

    assertThat(result).isEqualTo("gathered");
    assertThat(runs).hasValue(3);
  }

  @Test
  void aTransactionThatLostAnOptimisticLockRunsAgain() {
    String result =
        LockConflicts.retried(
            "test",
            () -> {
              if (runs.incrementAndGet() < 2) {
                throw new ObjectOptimisticLockingFailureException("MdfRequest", "r-1");
              }
              return "opened";
            });

    assertThat(result).isEqualTo("opened");
    assertThat(runs).hasValue(2);
  }

  @Test
  void theLastConflictIsThrownAfterThreeRunsAndAnswered503() {
    var conflict = new CannotAcquireLockException("Deadlock found when trying to get lock");

    assertThatThrownBy(
            () ->
                LockConflicts.retried(
                    "test",
                    () -> {
                      runs.incrementAndGet();
                      throw conflict;
                    }))
        .isSameAs(conflict);
    assertThat(runs).hasValue(LockConflicts.ATTEMPTS);
    assertThat(new ProblemResponses().lockConflict(conflict).getStatus())
        .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.value());
  }

  @Test
  void otherFailuresAreNotRunAgain() {
    assertThatThrownBy(
            () ->
                LockConflicts.retried(
                    "test",
                    () -> {
                      runs.incrementAndGet();
                      throw new DataIntegrityViolationException("duplicate key");
                    }))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(runs).hasValue(1);
  }
}
