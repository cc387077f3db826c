package io.camunda.zeebe.process.test.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.engine.internal.LogRecordStream;
import io.camunda.zeebe.logstreams.log.LogAppendEntry;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.WriteContext;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.value.job.JobRecord;
import io.camunda.zeebe.protocol.impl.record.value.processinstance.ProcessInstanceRecord;
import io.camunda.zeebe.protocol.impl.record.value.variable.VariableRecord;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.util.buffer.BufferUtil;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.stream.StreamSupport;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * {@link LogRecordStream} answers what zeebe-process-test's {@code RecordStreamSourceImpl} answers
 * for the same log (it lives in the library's package to read the log with that class too): the
 * same records with the same values, also when records arrive between two reads.
 */
class LogRecordStreamTest {

  private final LogStream log =
      LogStream.builder()
          .withPartitionId(1)
          .withLogStorage(new InMemoryLogStorage())
          .withClock(new ControlledActorClock())
          .withMeterRegistry(new SimpleMeterRegistry())
          .build();
  private final RecordStreamSource library =
      new RecordStreamSourceImpl(log.newLogStreamReader(), 1);
  private final LogRecordStream lean = new LogRecordStream(log.newLogStreamReader(), 1);

  @Test
  void readsTheSameRecordsAsTheLibrarysSourceAlsoWhenTheyArriveBetweenReads() {
    assertThat(json(lean)).isEmpty();
    write(1);

    assertThat(json(lean)).hasSize(3).isEqualTo(json(library));

    write(2);

    List<String> records = json(lean);
    assertThat(records).hasSize(6).isEqualTo(json(library));
    assertThat(records.get(3))
        .contains("\"valueType\":\"PROCESS_INSTANCE\"", "\"elementId\":\"ReviewTask2\"");
    assertThat(records.get(4)).contains("\"type\":\"mdf.reserve-funds\"", "\"amount\":2");
    assertThat(records.get(5)).contains("\"name\":\"decision\"", "\"value\":\"\\\"APPROVE\\\"\"");
    assertThat(StreamSupport.stream(lean.getRecords().spliterator(), false))
        .extracting(Record::getPosition)
        .isSorted()
        .doesNotHaveDuplicates();
  }

  @Test
  void readsTheRecordsAfterAPosition() {
    write(1);
    List<Record<?>> first = lean.after(-1);
    assertThat(first).hasSize(3);
    write(2);

    List<Record<?>> fresh = lean.after(first.getLast().getPosition());

    assertThat(fresh.stream().map(Record::toJson)).isEqualTo(json(library).subList(3, 6));
    assertThat(lean.after(fresh.getLast().getPosition())).isEmpty();
    assertThat(lean.after(-1).stream().map(Record::toJson)).isEqualTo(json(library));
  }

  @Test
  void keepsOnlyTheLatestRecordsForItsReadersAndReadsOlderOnesFromTheLogAgain() {
    LogRecordStream recentTwo = new LogRecordStream(log.newLogStreamReader(), 1, 2);
    write(1);
    long afterFirstInstance = recentTwo.after(-1).getLast().getPosition();
    write(2);
    write(3);

    // The records after the position, in order; the latest are the same objects for each reader.
    List<Record<?>> upToDate = recentTwo.after(afterFirstInstance);
    assertThat(upToDate.stream().map(Record::toJson)).isEqualTo(json(library).subList(3, 9));
    assertThat(recentTwo.after(afterFirstInstance).getLast()).isSameAs(upToDate.getLast());

    // Beyond twice the limit the oldest records were let go: a reader from the start gets them
    // read from the log anew, and still every record in order.
    List<Record<?>> all = recentTwo.after(-1);
    assertThat(all.stream().map(Record::toJson)).isEqualTo(json(library));
    assertThat(all.get(3)).isNotSameAs(upToDate.getFirst());
    assertThat(all.getLast()).isSameAs(upToDate.getLast());
  }

  /** A process instance, a job and a variable record of instance {@code n}. */
  private void write(int n) {
    var writer = log.newLogStreamWriter();
    var element =
        new ProcessInstanceRecord()
            .setBpmnProcessId("mdf-request")
            .setElementId("ReviewTask" + n)
            .setBpmnElementType(BpmnElementType.USER_TASK)
            .setProcessInstanceKey(n);
    var job =
        new JobRecord()
            .setType("mdf.reserve-funds")
            .setRetries(8)
            .setProcessInstanceKey(n)
            .setVariables(
                new UnsafeBuffer(MsgPackConverter.convertToMsgPack("{\"amount\":" + n + "}")));
    var variable =
        new VariableRecord()
            .setName(BufferUtil.wrapString("decision"))
            .setValue(new UnsafeBuffer(MsgPackConverter.convertToMsgPack("\"APPROVE\"")))
            .setScopeKey(n)
            .setProcessDefinitionKey(1)
            .setBpmnProcessId(BufferUtil.wrapString("mdf-request"))
            .setProcessInstanceKey(n);
    var written =
        writer.tryWrite(
            WriteContext.internal(),
            List.of(
                LogAppendEntry.of(
                    10L * n,
                    event(ValueType.PROCESS_INSTANCE, ProcessInstanceIntent.ELEMENT_ACTIVATED),
                    element),
                LogAppendEntry.of(10L * n + 1, event(ValueType.JOB, JobIntent.CREATED), job),
                LogAppendEntry.of(
                    10L * n + 2, event(ValueType.VARIABLE, VariableIntent.CREATED), variable)));
    assertThat(written.isRight()).as(String.valueOf(written)).isTrue();
  }

  private static RecordMetadata event(
      ValueType type, io.camunda.zeebe.protocol.record.intent.Intent intent) {
    return new RecordMetadata().recordType(RecordType.EVENT).valueType(type).intent(intent);
  }

  private static List<String> json(RecordStreamSource source) {
    return StreamSupport.stream(source.getRecords().spliterator(), false)
        .map(Record::toJson)
        .toList();
  }
}
