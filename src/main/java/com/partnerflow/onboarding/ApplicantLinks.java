package com.partnerflow.onboarding;

import com.partnerflow.common.ConflictException;
import com.partnerflow.common.NotFoundException;
import com.partnerflow.onboarding.OnboardingToken.Purpose;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Single-use links for people without a session: the applicant's tasks and the new partner admin's
 * first password. A link carries 256 random bits; only their SHA-256 is stored, so the table cannot
 * be used to forge one. A link works once and until it expires.
 */
@Service
class ApplicantLinks {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final OnboardingTokens tokens;
  private final OnboardingProperties properties;
  private final Clock clock;

  ApplicantLinks(OnboardingTokens tokens, OnboardingProperties properties, Clock clock) {
    this.tokens = tokens;
    this.properties = properties;
    this.clock = clock;
  }

  /** Issues a token and answers it in plain text; it is shown once, in the mail. */
  @Transactional
  String issue(Purpose purpose, String applicationId, String elementId, String username) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    tokens.save(
        new OnboardingToken(
            hash(token),
            purpose,
            applicationId,
            elementId,
            username,
            now.plus(properties.linkValidity()),
            now));
    return token;
  }

  /**
   * The unused, unexpired token of this purpose.
   *
   * @throws NotFoundException for an unknown (e.g. tampered) token
   * @throws ConflictException for a token used already
   * @throws ResponseStatusException 410 for an expired token
   */
  @Transactional(readOnly = true)
  OnboardingToken valid(String token, Purpose purpose) {
    OnboardingToken stored =
        tokens
            .findById(hash(token))
            .filter(t -> t.getPurpose() == purpose)
            .orElseThrow(() -> new NotFoundException("This link is not valid"));
    if (stored.getUsedAt() != null) {
      throw new ConflictException("This link was used already");
    }
    if (!clock.instant().isBefore(stored.getExpiresAt())) {
      throw new ResponseStatusException(HttpStatus.GONE, "This link has expired");
    }
    return stored;
  }

  /** Uses the token up; of two concurrent uses exactly one succeeds. */
  @Transactional
  void useUp(String token) {
    if (tokens.useUp(hash(token), clock.instant()) == 0) {
      throw new ConflictException("This link was used already");
    }
  }

  String linkTo(String path, String token) {
    return properties.publicBaseUrl() + path + token;
  }

  static String hash(String token) {
    if (token == null || token.length() > 100) {
      return "";
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
