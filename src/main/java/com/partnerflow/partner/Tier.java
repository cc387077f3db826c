package com.partnerflow.partner;

/** Program tier; its allocation, caps and co-funding share come from the tier DMN. */
public enum Tier {
  REGISTERED,
  SILVER,
  GOLD,
  PLATINUM
}
