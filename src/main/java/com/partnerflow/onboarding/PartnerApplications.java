package com.partnerflow.onboarding;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** All partner applications. */
public interface PartnerApplications extends JpaRepository<PartnerApplication, String> {

  boolean existsByOpenDomain(String domain);

  Page<PartnerApplication> findByStatus(ApplicationStatus status, Pageable pageable);

  /** The application whose status page the token names. */
  Optional<PartnerApplication> findByStatusToken(String statusToken);

  /** The application a partner was activated from; partners created otherwise have none. */
  Optional<PartnerApplication> findFirstByPartnerId(String partnerId);
}
