package com.partnerflow.partner;

/** Where a partner stands in the program. Only ACTIVE partners may request funds. */
public enum PartnerStatus {
  ACTIVE,
  SUSPENDED,
  TERMINATED
}
