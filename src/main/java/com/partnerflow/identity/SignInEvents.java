package com.partnerflow.identity;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

/** The sign-in audit trail; there is deliberately no way to change or delete an entry. */
interface SignInEvents extends Repository<SignInEvent, Long> {

  SignInEvent save(SignInEvent event);

  List<SignInEvent> findByOrderByIdDesc(Limit limit);

  List<SignInEvent> findByUsernameOrderByIdDesc(String username, Limit limit);

  List<SignInEvent> findByClientAddressOrderByIdDesc(String clientAddress, Limit limit);

  List<SignInEvent> findByUsernameAndClientAddressOrderByIdDesc(
      String username, String clientAddress, Limit limit);
}
