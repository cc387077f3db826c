package com.partnerflow.mdf;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** All MDF requests. */
public interface MdfRequests extends JpaRepository<MdfRequest, String> {

  List<MdfRequest> findByPartnerIdOrderBySubmittedAtDesc(String partnerId);

  List<MdfRequest> findAllByOrderBySubmittedAtDesc();
}
