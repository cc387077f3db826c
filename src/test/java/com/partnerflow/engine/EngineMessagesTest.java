package com.partnerflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

class EngineMessagesTest {

  private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
  private final CamundaClient client = mock(CamundaClient.class);
  private final EngineMessages messages =
      new EngineMessages(
          jdbc,
          client,
          new ObjectMapper(),
          Clock.systemUTC(),
          new EngineMessageProperties(
              Duration.ofSeconds(1),
              Duration.ofSeconds(1),
              2,
              Duration.ofMinutes(1),
              Duration.ofSeconds(10),
              Duration.ofHours(1),
              50));

  /**
   * A submission is committed with its message before it is sent: when the database fails right
   * after, the caller hears "not sent yet" (the relay sends it), never an error that would make the
   * partner submit again.
   */
  @Test
  void aDatabaseFailureAfterTheCommitLeavesTheMessageToTheRelay() throws Exception {
    ResultSet row = mock(ResultSet.class);
    when(row.getString(1)).thenReturn("request-1");
    when(row.getString(2)).thenReturn("mdf-request-submitted");
    when(row.getString(3)).thenReturn("request-1");
    when(row.getString(4)).thenReturn("{}");
    when(row.getLong(5)).thenReturn(3_600_000L);
    when(row.getTimestamp(8)).thenReturn((Timestamp) null);
    when(jdbc.query(anyString(), any(RowMapper.class), eq("request-1")))
        .thenAnswer(call -> List.of(call.<RowMapper<?>>getArgument(1).mapRow(row, 0)));
    when(jdbc.update(anyString(), any(), any(), any()))
        .thenThrow(new DataAccessResourceFailureException("connection lost"));

    assertThat(messages.send("request-1")).isFalse();
    verifyNoInteractions(client);
  }
}
