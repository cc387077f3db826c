package com.partnerflow.disbursement;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of milestone disbursements ({@code partnerflow.disbursement.*}).
 *
 * @param paymentChannel the {@link PaymentChannel#name()} payment batches go to ({@code file})
 * @param debtorName the company's account holder name in pain.001 files
 * @param debtorIban the account the payments are made from
 * @param debtorBic its bank's BIC
 * @param confirmationTtl how long the engine keeps a confirmation or failure message that no
 *     disbursement waits for yet (ISO 8601 duration)
 */
@Validated
@ConfigurationProperties("partnerflow.disbursement")
record DisbursementProperties(
    @DefaultValue("file") @NotBlank String paymentChannel,
    @DefaultValue("Partnerflow Demo Ltd") @NotBlank String debtorName,
    @DefaultValue("DE89370400440532013000") @NotBlank String debtorIban,
    @DefaultValue("COBADEFFXXX") @NotBlank String debtorBic,
    @DefaultValue("P30D") java.time.Duration confirmationTtl) {}
