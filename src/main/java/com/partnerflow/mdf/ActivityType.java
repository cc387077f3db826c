package com.partnerflow.mdf;

/** The kinds of marketing activity a partner may request funds for. */
public enum ActivityType {
  WEBINAR,
  EVENT,
  DIGITAL_CAMPAIGN,
  CONTENT,
  TRADE_SHOW,
  TRAINING
}
