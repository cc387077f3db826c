package io.camunda.zeebe.process.test.engine;

import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.stream.api.CommandResponseWriter;
import io.camunda.zeebe.util.buffer.BufferUtil;
import io.camunda.zeebe.util.buffer.BufferWriter;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Partnerflow's own code, not part of zeebe-process-test: keeps one engine's response apart from
 * another's. zeebe-process-test's {@link GrpcResponseWriter} holds the key, intent and value of the
 * response being built in <em>static</em> fields, so two engines in one JVM (the tests keep several
 * Spring contexts, each with its engine, alive) overwrite each other's response between its parts
 * and its sending; the engine then fails to read the value back and retries the corrupt response on
 * its only thread forever (seen in CI: "Could not deserialize object [JobBatchRecord]", a process
 * that never advanced). This writer keeps each part of its engine's response, the value copied at
 * once, and hands them to the library's writer together with the send under one lock for the whole
 * JVM. One engine per JVM, as in production, never waits on it.
 */
final class OneResponseAtATime implements CommandResponseWriter {

  private static final Object EVERY_ENGINE = new Object();

  private final CommandResponseWriter library;
  private final ExpandableArrayBuffer value = new ExpandableArrayBuffer();
  private int valueLength;
  private int partitionId;
  private long key;
  private Intent intent;
  private RecordType recordType;
  private ValueType valueType;
  private RejectionType rejectionType = RejectionType.NULL_VAL;
  private String rejectionReason = "";

  OneResponseAtATime(CommandResponseWriter library) {
    this.library = library;
  }

  @Override
  public CommandResponseWriter partitionId(int partitionId) {
    this.partitionId = partitionId;
    return this;
  }

  @Override
  public CommandResponseWriter key(long key) {
    this.key = key;
    return this;
  }

  @Override
  public CommandResponseWriter intent(Intent intent) {
    this.intent = intent;
    return this;
  }

  @Override
  public CommandResponseWriter recordType(RecordType recordType) {
    this.recordType = recordType;
    return this;
  }

  @Override
  public CommandResponseWriter valueType(ValueType valueType) {
    this.valueType = valueType;
    return this;
  }

  @Override
  public CommandResponseWriter rejectionType(RejectionType rejectionType) {
    this.rejectionType = rejectionType;
    return this;
  }

  @Override
  public CommandResponseWriter rejectionReason(DirectBuffer rejectionReason) {
    this.rejectionReason = BufferUtil.bufferAsString(rejectionReason);
    return this;
  }

  @Override
  public CommandResponseWriter valueWriter(BufferWriter writer) {
    // Copied now: the engine reuses the object it writes from.
    valueLength = writer.getLength();
    writer.write(value, 0);
    return this;
  }

  @Override
  public void tryWriteResponse(int requestStreamId, long requestId) {
    synchronized (EVERY_ENGINE) {
      library
          .partitionId(partitionId)
          .key(key)
          .intent(intent)
          .recordType(recordType)
          .valueType(valueType)
          .rejectionType(rejectionType)
          .rejectionReason(BufferUtil.wrapString(rejectionReason))
          .valueWriter(new CopiedValue());
      library.tryWriteResponse(requestStreamId, requestId);
    }
  }

  /** The copy of the value, for the library's writer. */
  private final class CopiedValue implements BufferWriter {

    @Override
    public int getLength() {
      return valueLength;
    }

    @Override
    public int write(MutableDirectBuffer buffer, int offset) {
      buffer.putBytes(offset, value, 0, valueLength);
      return valueLength;
    }
  }
}
