package com.partnerflow.common;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Runs a transaction again when the database chose it as the victim of a deadlock or a lock wait
 * timeout, or when it lost an optimistic lock to a concurrent update of the same row. The database
 * rolled it back completely, and MySQL's own answer is "try restarting transaction"; two instances
 * gathering, confirming and sending the same payments meet this under load, and so do the two
 * milestones of one request opening their claims at once. Run again, it reads what the other
 * committed.
 */
public final class LockConflicts {

  static final int ATTEMPTS = 3;
  private static final Logger log = LoggerFactory.getLogger(LockConflicts.class);

  private LockConflicts() {}

  /** The transaction's result; after {@link #ATTEMPTS} lost conflicts the last one is thrown. */
  public static <T> T retried(String what, Supplier<T> transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.get();
      } catch (ConcurrencyFailureException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        log.info("{} lost a lock conflict (attempt {}), running it again: {}", what, attempt, e);
        pause(attempt);
      }
    }
  }

  private static void pause(int attempt) {
    try {
      // Apart a little, so the transactions that met do not meet again at once.
      Thread.sleep(25L * attempt + (long) (Math.random() * 25));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TemporarilyUnavailableException("Interrupted while retrying", e);
    }
  }
}
