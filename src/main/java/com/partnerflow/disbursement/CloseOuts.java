package com.partnerflow.disbursement;

import org.springframework.data.jpa.repository.JpaRepository;

/** Close-outs of MDF requests, by request id. */
public interface CloseOuts extends JpaRepository<CloseOut, String> {}
