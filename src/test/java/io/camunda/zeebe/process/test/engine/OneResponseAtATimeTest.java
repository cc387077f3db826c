package io.camunda.zeebe.process.test.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobBatchIntent;
import io.camunda.zeebe.stream.api.CommandResponseWriter;
import io.camunda.zeebe.util.buffer.BufferUtil;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class OneResponseAtATimeTest {

  /** Keeps the response in static fields, as zeebe-process-test's GrpcResponseWriter does. */
  static final class StaticLibraryWriter implements CommandResponseWriter {
    static long key;
    static final UnsafeBuffer value = new UnsafeBuffer(0, 0);
    final ExpandableArrayBuffer own = new ExpandableArrayBuffer();
    final ConcurrentLinkedQueue<String> sent;

    StaticLibraryWriter(ConcurrentLinkedQueue<String> sent) {
      this.sent = sent;
    }

    @Override
    public CommandResponseWriter partitionId(int partitionId) {
      return this;
    }

    @Override
    public CommandResponseWriter key(long key) {
      StaticLibraryWriter.key = key;
      return this;
    }

    @Override
    public CommandResponseWriter intent(Intent intent) {
      return this;
    }

    @Override
    public CommandResponseWriter recordType(RecordType recordType) {
      return this;
    }

    @Override
    public CommandResponseWriter valueType(ValueType valueType) {
      return this;
    }

    @Override
    public CommandResponseWriter rejectionType(RejectionType rejectionType) {
      return this;
    }

    @Override
    public CommandResponseWriter rejectionReason(DirectBuffer rejectionReason) {
      return this;
    }

    @Override
    public CommandResponseWriter valueWriter(BufferWriter writer) {
      writer.write(own, 0);
      value.wrap(own, 0, writer.getLength());
      return this;
    }

    @Override
    public void tryWriteResponse(int requestStreamId, long requestId) {
      Thread.onSpinWait(); // widens the window in which another engine could overwrite them
      sent.add(key + "=" + BufferUtil.bufferAsString(value));
    }
  }

  static BufferWriter text(String text) {
    DirectBuffer bytes = BufferUtil.wrapString(text);
    return new BufferWriter() {
      @Override
      public int getLength() {
        return bytes.capacity();
      }

      @Override
      public int write(MutableDirectBuffer buffer, int offset) {
        buffer.putBytes(offset, bytes, 0, bytes.capacity());
        return bytes.capacity();
      }
    };
  }

  @Test
  void twoEnginesSendingAtOnceEachSendTheirOwnResponse() throws Exception {
    var sent = new ConcurrentLinkedQueue<String>();
    var start = new CountDownLatch(1);
    List<Thread> engines =
        List.of(1, 2).stream()
            .map(
                engine ->
                    new Thread(
                        () -> {
                          var writer = new OneResponseAtATime(new StaticLibraryWriter(sent));
                          await(start);
                          for (int i = 0; i < 20_000; i++) {
                            long key = engine * 1_000_000L + i;
                            writer
                                .key(key)
                                .intent(JobBatchIntent.ACTIVATED)
                                .valueWriter(text("engine " + engine + " response " + i));
                            writer.tryWriteResponse(0, i);
                          }
                        }))
            .toList();
    engines.forEach(Thread::start);
    start.countDown();
    for (Thread engine : engines) {
      engine.join();
    }

    assertThat(sent).hasSize(40_000);
    assertThat(sent)
        .allSatisfy(
            response -> {
              long key = Long.parseLong(response.substring(0, response.indexOf('=')));
              assertThat(response)
                  .isEqualTo(key + "=engine " + key / 1_000_000 + " response " + key % 1_000_000);
            });
  }

  @Test
  void theValueIsCopiedWhenGivenSinceTheEngineReusesWhatItWritesFrom() {
    var sent = new ConcurrentLinkedQueue<String>();
    var writer = new OneResponseAtATime(new StaticLibraryWriter(sent));
    var reused = new ExpandableArrayBuffer();
    reused.putStringWithoutLengthAscii(0, "first");
    BufferWriter engineValue =
        new BufferWriter() {
          @Override
          public int getLength() {
            return 5;
          }

          @Override
          public int write(MutableDirectBuffer buffer, int offset) {
            buffer.putBytes(offset, reused, 0, 5);
            return 5;
          }
        };

    writer.key(7).valueWriter(engineValue);
    reused.putStringWithoutLengthAscii(0, "later");
    writer.tryWriteResponse(0, 1);

    assertThat(sent).containsExactly("7=first");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
