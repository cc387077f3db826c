package com.partnerflow.disbursement;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One payment in one batch; the primary key (batch, payment) makes a second line impossible. */
@Entity
@Immutable
@Table(name = "payment_batch_line")
class PaymentBatchLine {

  @Embeddable
  record Key(String batchId, String paymentId) implements Serializable {}

  @EmbeddedId private Key key;
  private String endToEndId;
  private BigDecimal amount;

  @JdbcTypeCode(SqlTypes.CHAR)
  @Column(length = 3)
  private String currency;

  protected PaymentBatchLine() {}

  PaymentBatchLine(String batchId, Payment payment) {
    this.key = new Key(batchId, payment.getId());
    // ISO 20022 EndToEndId: at most 35 characters; the bank returns it with its answer.
    this.endToEndId =
        payment.getId().replace("-", "").substring(0, 30) + "-" + payment.getAttempt();
    this.amount = payment.getAmount();
    this.currency = payment.getCurrency();
  }

  String batchId() {
    return key.batchId();
  }

  String paymentId() {
    return key.paymentId();
  }

  String getEndToEndId() {
    return endToEndId;
  }

  BigDecimal getAmount() {
    return amount;
  }
}
