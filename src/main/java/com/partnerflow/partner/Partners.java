package com.partnerflow.partner;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** All partners of the program. */
public interface Partners extends JpaRepository<Partner, String> {

  Optional<Partner> findByName(String name);
}
