package com.partnerflow.disbursement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The close-out of an MDF request: totals, reported results and ROI figures, for dashboards. */
@Entity
@Table(name = "mdf_close_out")
public class CloseOut {

  @Id private String mdfRequestId;

  @JdbcTypeCode(SqlTypes.CHAR)
  @Column(length = 3)
  private String currency;

  private BigDecimal approvedAmount;
  private BigDecimal paidAmount;
  private BigDecimal releasedAmount;
  private long registrations;
  private long attendees;
  private long leads;
  private long opportunities;
  private BigDecimal pipelineCreated;
  private BigDecimal leadsPerUnitPaid;
  private BigDecimal opportunitiesPerUnitPaid;
  private BigDecimal pipelinePerUnitPaid;
  private BigDecimal costPerLead;
  private Instant closedAt;

  protected CloseOut() {}

  CloseOut(String mdfRequestId, String currency, CloseOutFigures f, Instant closedAt) {
    this.mdfRequestId = mdfRequestId;
    this.currency = currency;
    this.approvedAmount = f.approved();
    this.paidAmount = f.paid();
    this.releasedAmount = f.released();
    this.registrations = f.registrations();
    this.attendees = f.attendees();
    this.leads = f.leads();
    this.opportunities = f.opportunities();
    this.pipelineCreated = f.pipelineCreated();
    this.leadsPerUnitPaid = f.leadsPerUnitPaid();
    this.opportunitiesPerUnitPaid = f.opportunitiesPerUnitPaid();
    this.pipelinePerUnitPaid = f.pipelinePerUnitPaid();
    this.costPerLead = f.costPerLead();
    this.closedAt = closedAt;
  }

  public String getMdfRequestId() {
    return mdfRequestId;
  }

  public String getCurrency() {
    return currency;
  }

  public BigDecimal getApprovedAmount() {
    return approvedAmount;
  }

  public BigDecimal getPaidAmount() {
    return paidAmount;
  }

  public BigDecimal getReleasedAmount() {
    return releasedAmount;
  }

  public long getRegistrations() {
    return registrations;
  }

  public long getAttendees() {
    return attendees;
  }

  public long getLeads() {
    return leads;
  }

  public long getOpportunities() {
    return opportunities;
  }

  public BigDecimal getPipelineCreated() {
    return pipelineCreated;
  }

  public BigDecimal getLeadsPerUnitPaid() {
    return leadsPerUnitPaid;
  }

  public BigDecimal getOpportunitiesPerUnitPaid() {
    return opportunitiesPerUnitPaid;
  }

  public BigDecimal getPipelinePerUnitPaid() {
    return pipelinePerUnitPaid;
  }

  public BigDecimal getCostPerLead() {
    return costPerLead;
  }

  public Instant getClosedAt() {
    return closedAt;
  }
}
