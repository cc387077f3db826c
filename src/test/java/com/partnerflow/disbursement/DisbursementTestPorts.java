package com.partnerflow.disbursement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test doubles of the disbursement ports, ahead of their adapters ({@code @Primary}): tests set a
 * task's evidence files and a partner's last bank-detail change directly, and payment runs of the
 * shared engine write a plain list instead of pain.001, so that a payment of a partner without bank
 * details (any test's) never stops another test's run. The real adapters are tested on their own:
 * {@link Pain001PaymentFileTest} (the pain.001 file parses back, NbOfTxs and CtrlSum match the
 * batch).
 */
@TestConfiguration(proxyBeanMethods = false)
public class DisbursementTestPorts {

  /** Files "uploaded" to tasks, by task id. */
  public static class TestEvidenceFiles implements EvidenceFiles {
    private final Map<String, List<EvidenceFile>> files = new ConcurrentHashMap<>();

    public void upload(String taskId, String fileName, String sha256) {
      files
          .computeIfAbsent(taskId, t -> new ArrayList<>())
          .add(
              new EvidenceFile(
                  java.util.UUID.randomUUID().toString(),
                  taskId,
                  fileName,
                  "application/pdf",
                  sha256,
                  1234));
    }

    @Override
    public List<EvidenceFile> ofTask(String taskId) {
      return List.copyOf(files.getOrDefault(taskId, List.of()));
    }
  }

  /** Bank-detail changes, by partner id. */
  public static class TestBankDetailChanges implements BankDetailChanges {
    private final Map<String, Instant> changes = new ConcurrentHashMap<>();

    public void changed(String partnerId, Instant at) {
      changes.put(partnerId, at);
    }

    @Override
    public Optional<Instant> lastChange(String partnerId) {
      return Optional.ofNullable(changes.get(partnerId));
    }
  }

  @Bean
  @Primary
  TestEvidenceFiles testEvidenceFiles() {
    return new TestEvidenceFiles();
  }

  @Bean
  @Primary
  TestBankDetailChanges testBankDetailChanges() {
    return new TestBankDetailChanges();
  }

  /** The batch's lines as plain text: which payment, which end-to-end id, how much. */
  @Bean
  @Primary
  PaymentFile testPaymentFile() {
    return (batch, lines) -> {
      StringBuilder text = new StringBuilder(batch.getMessageId());
      lines.forEach(
          l ->
              text.append('\n').append(l.endToEndId()).append(' ').append(l.payment().getAmount()));
      return text.toString();
    };
  }
}
