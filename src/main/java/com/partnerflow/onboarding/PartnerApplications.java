package com.partnerflow.onboarding;

import org.springframework.data.jpa.repository.JpaRepository;

/** All partner applications. */
public interface PartnerApplications extends JpaRepository<PartnerApplication, String> {

  boolean existsByOpenDomain(String domain);
}
