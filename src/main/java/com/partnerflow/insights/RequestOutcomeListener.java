package com.partnerflow.insights;

import jakarta.persistence.EntityManagerFactory;
import java.util.Set;
import org.hibernate.action.spi.BeforeTransactionCompletionProcess;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.internal.SessionFactoryImpl;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link RequestOutcomes} in step with the requests, claims and payments the mdf and
 * disbursement modules write, without those modules knowing insights: Hibernate tells it about
 * every insert and update of those tables, and before the transaction commits (after its last
 * flush, on its connection, as Hibernate Envers does) the touched requests' rows are written anew.
 * A transaction that rolls back leaves them as they were.
 */
@Component
class RequestOutcomeListener implements PostInsertEventListener, PostUpdateEventListener {

  private static final String REQUESTS = "mdf_request";
  private static final Set<String> BY_REQUEST_ID = Set.of("disbursement_claim", "payment");

  RequestOutcomeListener(EntityManagerFactory entityManagerFactory) {
    EventListenerRegistry registry =
        entityManagerFactory
            .unwrap(SessionFactoryImpl.class)
            .getServiceRegistry()
            .getService(EventListenerRegistry.class);
    registry.appendListeners(EventType.POST_INSERT, this);
    registry.appendListeners(EventType.POST_UPDATE, this);
  }

  @Override
  public void onPostInsert(PostInsertEvent event) {
    touched(event.getSession(), event.getPersister(), event.getId(), event.getEntity());
  }

  @Override
  public void onPostUpdate(PostUpdateEvent event) {
    touched(event.getSession(), event.getPersister(), event.getId(), event.getEntity());
  }

  @Override
  public boolean requiresPostCommitHandling(EntityPersister persister) {
    return false;
  }

  private void touched(EventSource session, EntityPersister persister, Object id, Object entity) {
    String table = tableOf(persister);
    String requestId;
    if (REQUESTS.equals(table)) {
      requestId = (String) id;
    } else if (BY_REQUEST_ID.contains(table)) {
      requestId = (String) persister.getPropertyValue(entity, "mdfRequestId");
    } else {
      return;
    }
    session
        .getActionQueue()
        .registerProcess(
            (BeforeTransactionCompletionProcess) completing -> refresh(completing, requestId));
  }

  private static void refresh(SessionImplementor session, String requestId) {
    session.doWork(connection -> RequestOutcomes.refresh(connection, requestId));
  }

  private static String tableOf(EntityPersister persister) {
    return persister instanceof AbstractEntityPersister p ? p.getTableName().toLowerCase() : "";
  }
}
