package com.partnerflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sign-in throttle's counters on every database the service supports: on H2 (MySQL mode) in
 * {@link SignInThrottleDatabaseIT} and on a real MySQL-protocol server in {@link
 * MySqlSignInThrottleIT}. Tests run without a test transaction, each on usernames and addresses of
 * its own, so that concurrent transactions are real. Default settings: five failures lock a
 * username for 5 s, doubling up to 15 min.
 */
abstract class SignInThrottleContract {

  static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

  /** The throttle with its own dependencies, on a clock that stands still. */
  @TestConfiguration(proxyBeanMethods = false)
  @EnableConfigurationProperties(SignInThrottleProperties.class)
  @Import(SignInThrottle.class)
  static class Setup {
    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  @Autowired SignInThrottle throttle;
  @Autowired SignInCounters counters;
  @Autowired SignInEvents events;
  @Autowired JdbcTemplate jdbc;

  /** 32 failures of one username from one address at once, on 32 connections: all count. */
  @Test
  void concurrentFailuresAllCountAndNoneDeadlocks() throws Exception {
    int threads = 32;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  throttle.failed("race", "198.51.100.1");
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> result : results) {
        result.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    SignInCounter account = counters.findById(SignInCounter.Key.account("race")).orElseThrow();
    SignInCounter address =
        counters.findById(SignInCounter.Key.address("198.51.100.1")).orElseThrow();
    assertThat(account.getFailures()).isEqualTo(32);
    assertThat(address.getFailures()).isEqualTo(32);
    assertThat(account.getLockedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    assertThat(address.getLockedUntil()).isNull();
    List<SignInEvent> trail = events.findByUsernameOrderByIdDesc("race", Limit.of(100));
    assertThat(trail).filteredOn(e -> e.getAction() == SignInEvent.Action.FAILED).hasSize(32);
    assertThat(trail).filteredOn(e -> e.getAction() == SignInEvent.Action.LOCKED).hasSize(28);
  }

  @Test
  void theFifthFailureLocksTheUsernameWhateverItsCase() {
    for (int i = 0; i < 4; i++) {
      throttle.failed(i % 2 == 0 ? "Case-User" : "case-user", "198.51.100.2");
    }
    assertThat(throttle.retryAfter("case-user", "198.51.100.3")).isEmpty();

    throttle.failed("CASE-USER", "198.51.100.2");

    assertThat(throttle.retryAfter("case-user", "198.51.100.3")).contains(Duration.ofSeconds(5));
    assertThat(throttle.retryAfter("someone-else", "198.51.100.2")).isEmpty();
  }

  @Test
  void successForgetsTheUsernamesFailuresButNotTheAddresses() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("forgiven", "198.51.100.4");
    }
    throttle.succeeded("forgiven");

    assertThat(counters.findById(SignInCounter.Key.account("forgiven")).orElseThrow().getFailures())
        .isZero();
    assertThat(
            counters
                .findById(SignInCounter.Key.address("198.51.100.4"))
                .orElseThrow()
                .getFailures())
        .isEqualTo(4);
  }

  @Test
  void unlockLiftsTheLockAndIsAudited() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("unlock-me", "198.51.100.5");
    }
    assertThat(throttle.retryAfter("unlock-me", null)).isPresent();

    assertThat(throttle.unlock("unlock-me", null, "admin")).isTrue();
    assertThat(throttle.unlock("unlock-me", null, "admin")).isFalse();

    assertThat(throttle.retryAfter("unlock-me", null)).isEmpty();
    assertThat(events.findByUsernameOrderByIdDesc("unlock-me", Limit.of(2)))
        .extracting(SignInEvent::getAction, SignInEvent::getActor, SignInEvent::getDetail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                SignInEvent.Action.UNLOCKED, "admin", "was not locked"),
            org.assertj.core.groups.Tuple.tuple(
                SignInEvent.Action.UNLOCKED, "admin", "was locked"));
  }

  @Test
  void aVeryLongUsernameIsCountedUnderItsFirstHundredCharacters() {
    String longName = "x".repeat(5_000);
    for (int i = 0; i < 5; i++) {
      throttle.failed(longName + i, "198.51.100.6");
    }
    assertThat(throttle.retryAfter("x".repeat(100), null)).isPresent();
  }

  @Test
  void expiredCountersAreDeleted() {
    throttle.failed("expiring", "198.51.100.7");

    counters.deleteExpired(NOW.minus(Duration.ofHours(1)), NOW);
    assertThat(counters.findById(SignInCounter.Key.account("expiring"))).isPresent();
    Instant later = NOW.plus(Duration.ofHours(2));
    int deleted = counters.deleteExpired(later.minus(Duration.ofHours(1)), later);

    assertThat(deleted).isPositive();
    assertThat(counters.findById(SignInCounter.Key.account("expiring"))).isEmpty();
  }
}
