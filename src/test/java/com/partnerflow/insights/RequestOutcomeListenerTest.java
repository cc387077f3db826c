package com.partnerflow.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.junit.jupiter.api.Test;

/** Which updates write the request's read model rows anew, and which leave them. */
class RequestOutcomeListenerTest {

  @Test
  void theColumnsReadAreTakenFromTheStatementsPerTable() {
    assertThat(RequestOutcomes.COLUMNS_READ.get("mdf_request"))
        .contains("id", "status", "approved_amount", "requested_amount", "submitted_at")
        .doesNotContain("risk_score", "risk_level", "holder_group", "updated_at", "version");
    assertThat(RequestOutcomes.COLUMNS_READ.get("disbursement_claim"))
        .contains("status", "submitted_at", "claimed_amount", "approved_amount", "mdf_request_id");
    assertThat(RequestOutcomes.COLUMNS_READ.get("payment"))
        .contains("status", "amount", "claim_id", "mdf_request_id");
    assertThat(RequestOutcomes.COLUMNS_READ).doesNotContainKey("fund_ledger_entry");
  }

  @Test
  void anUpdateOfAColumnTheReadModelReadsWritesItAnew() {
    assertThat(RequestOutcomeListener.changesWhatIsRead(update("mdf_request", 0, 1))).isTrue();
    assertThat(RequestOutcomeListener.changesWhatIsRead(update("payment", 1))).isTrue();
  }

  @Test
  void anUpdateOfOtherColumnsOnlyLeavesIt() {
    assertThat(RequestOutcomeListener.changesWhatIsRead(update("mdf_request", 0))).isFalse();
    assertThat(RequestOutcomeListener.changesWhatIsRead(update("mdf_request"))).isFalse();
  }

  @Test
  void anUpdateWithoutDirtyPropertiesWritesItAnew() {
    assertThat(RequestOutcomeListener.changesWhatIsRead(update("mdf_request", (int[]) null)))
        .isTrue();
  }

  /** An update of the table's properties 0 ({@code risk_score}) and 1 ({@code status}). */
  private static PostUpdateEvent update(String table, int... dirty) {
    AbstractEntityPersister persister = mock(AbstractEntityPersister.class);
    when(persister.getTableName()).thenReturn(table.toUpperCase());
    when(persister.getPropertyColumnNames(0)).thenReturn(new String[] {"RISK_SCORE"});
    when(persister.getPropertyColumnNames(1)).thenReturn(new String[] {"STATUS"});
    return new PostUpdateEvent(new Object(), "id", null, null, dirty, persister, null);
  }
}
