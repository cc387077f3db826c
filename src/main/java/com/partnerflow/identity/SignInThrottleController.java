package com.partnerflow.identity;

import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.common.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins lift sign-in locks and read the sign-in audit trail. Everyone else gets {@code 404}, as
 * for any other admin endpoint.
 */
@RestController
@Tag(name = "Sign-in administration", description = "Admins: sign-in locks and their audit trail")
class SignInThrottleController {

  private static final int MAX_EVENTS = 500;

  private final SignInThrottle throttle;
  private final SignInEvents events;

  SignInThrottleController(SignInThrottle throttle, SignInEvents events) {
    this.throttle = throttle;
    this.events = events;
  }

  /** What to unlock: a username, a client address, or both. */
  record Unlock(
      @Schema(description = "A username to unlock", example = "alice") String username,
      @Schema(description = "A client address to unlock", example = "203.0.113.7")
          String address) {}

  /** Whether something was locked when the admin unlocked it. */
  record Unlocked(boolean wasLocked) {}

  @PostMapping("/api/admin/sign-in-throttle/unlock")
  @Operation(
      operationId = "unlockSignIn",
      summary = "Lift a sign-in lock",
      description =
          """
          **Who:** admins (to everyone else this does not exist).

          Lifts the lock of a username, a client address or both and forgets their failures; \
          audited with the admin's name. `wasLocked` says whether anything was locked.""")
  @ApiResponse(responseCode = "200", description = "Whether something was locked")
  @ApiResponse(responseCode = "400", description = "Neither `username` nor `address` is named")
  @ApiResponse(responseCode = "404", description = "The caller is no admin")
  ResponseEntity<Unlocked> unlock(
      @RequestBody Unlock unlock, @AuthenticationPrincipal PartnerflowUser admin) {
    requireAdmin(admin);
    String username = blankToNull(unlock.username());
    String address = blankToNull(unlock.address());
    if (username == null && address == null) {
      throw InvalidRequestException.of("username", "name a username, an address or both");
    }
    return ResponseEntity.ok(new Unlocked(throttle.unlock(username, address, admin.username())));
  }

  /** One entry of the sign-in audit trail. */
  @Schema(name = "SignInAuditEvent")
  record Event(
      long id,
      @Schema(description = "`FAILED`, `LOCKED` or `UNLOCKED`", example = "LOCKED") String action,
      String username,
      String address,
      String actor,
      String detail,
      Instant occurredAt) {}

  /** The newest entries first, optionally of one username and/or address. */
  @GetMapping("/api/admin/sign-in-events")
  @Operation(
      operationId = "listSignInEvents",
      summary = "Read the sign-in audit trail",
      description =
          """
          **Who:** admins (to everyone else this does not exist).

          Failed sign-ins, locks and unlocks, newest first, optionally of one username and/or \
          client address.""")
  @ApiResponse(responseCode = "200", description = "The audit trail, newest first")
  @ApiResponse(responseCode = "400", description = "`limit` is not between 1 and 500")
  @ApiResponse(responseCode = "404", description = "The caller is no admin")
  List<Event> events(
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String address,
      @RequestParam(defaultValue = "100") int limit,
      @AuthenticationPrincipal PartnerflowUser admin) {
    requireAdmin(admin);
    if (limit < 1 || limit > MAX_EVENTS) {
      throw InvalidRequestException.of("limit", "must be between 1 and " + MAX_EVENTS);
    }
    Limit max = Limit.of(limit);
    String user = blankToNull(username);
    String from = blankToNull(address);
    List<SignInEvent> found;
    if (user != null && from != null) {
      found = events.findByUsernameAndClientAddressOrderByIdDesc(user, from, max);
    } else if (user != null) {
      found = events.findByUsernameOrderByIdDesc(user, max);
    } else if (from != null) {
      found = events.findByClientAddressOrderByIdDesc(from, max);
    } else {
      found = events.findByOrderByIdDesc(max);
    }
    return found.stream()
        .map(
            e ->
                new Event(
                    e.getId(),
                    e.getAction().name(),
                    e.getUsername(),
                    e.getClientAddress(),
                    e.getActor(),
                    e.getDetail(),
                    e.getOccurredAt()))
        .toList();
  }

  private static void requireAdmin(PartnerflowUser user) {
    if (user == null || !user.isAdmin()) {
      throw new NotFoundException("Sign-in administration");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
