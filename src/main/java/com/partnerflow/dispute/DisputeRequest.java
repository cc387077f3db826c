package com.partnerflow.dispute;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** A partner's dispute as {@code POST /api/disputes} takes it. */
@Schema(name = "DisputeRequest")
public record DisputeRequest(
    @Schema(example = "CLAIM") SubjectType subjectType,
    @Schema(example = "0b6f7c1e-3c1a-4a51-9d0e-5a3f2f7f9d11") String subjectId,
    @Schema(example = "450.15") BigDecimal disputedAmount,
    @Schema(example = "EVIDENCE") DisputeCategory category,
    @Schema(example = "The invoice was attached as a PDF; the recording link works.")
        String explanation) {}
