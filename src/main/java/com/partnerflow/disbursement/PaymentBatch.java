package com.partnerflow.disbursement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One payment run's payments of one currency, with the pain.001 file built for them. */
@Entity
@Table(name = "payment_batch")
public class PaymentBatch {

  @Id private String id;
  private String messageId;
  private String status;

  @JdbcTypeCode(SqlTypes.CHAR)
  @Column(length = 3)
  private String currency;

  private int paymentCount;
  private BigDecimal controlSum;
  private String channel;
  private String runKey;
  private String fileContent;
  private String createdBy;
  private Instant createdAt;
  private Instant sentAt;

  protected PaymentBatch() {}

  PaymentBatch(
      String runKey,
      String currency,
      int count,
      BigDecimal controlSum,
      String createdBy,
      Instant now) {
    this.runKey = runKey;
    this.id = UUID.randomUUID().toString();
    // ISO 20022 MsgId: at most 35 characters, unique per debtor.
    this.messageId = "PF-" + id.replace("-", "").substring(0, 30);
    this.status = "CREATED";
    this.currency = currency;
    this.paymentCount = count;
    this.controlSum = controlSum;
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  void file(String content) {
    this.fileContent = content;
  }

  void sent(String channel, Instant now) {
    this.channel = channel;
    this.status = "SENT";
    this.sentAt = now;
  }

  public String getId() {
    return id;
  }

  public String getMessageId() {
    return messageId;
  }

  public String getStatus() {
    return status;
  }

  public String getCurrency() {
    return currency;
  }

  public int getPaymentCount() {
    return paymentCount;
  }

  public BigDecimal getControlSum() {
    return controlSum;
  }

  public String getChannel() {
    return channel;
  }

  public String getFileContent() {
    return fileContent;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }
}
