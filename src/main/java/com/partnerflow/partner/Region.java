package com.partnerflow.partner;

/** Sales region a partner belongs to. */
public enum Region {
  AMER,
  EMEA,
  APAC,
  LATAM
}
