package com.partnerflow.disbursement;

import java.time.Instant;
import java.util.Optional;

/** Port: when a partner's bank details last changed (none: never, or no bank details). */
interface BankDetailChanges {

  Optional<Instant> lastChange(String partnerId);
}
