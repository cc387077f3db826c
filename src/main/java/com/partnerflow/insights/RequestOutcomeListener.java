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
 * A transaction that rolls back leaves them as they were. An update that changes none of the
 * columns the read model reads (a risk score, a routing level) leaves them too: most updates on the
 * way to a decision are of that kind.
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
    if (!changesWhatIsRead(event)) {
      return;
    }
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

  /**
   * Whether a dirty property of the update maps to a column the read model reads; without dirty
   * properties (Hibernate did not compute them) it may have, and the rows are written anew.
   */
  static boolean changesWhatIsRead(PostUpdateEvent event) {
    int[] dirty = event.getDirtyProperties();
    if (dirty == null || !(event.getPersister() instanceof AbstractEntityPersister persister)) {
      return true;
    }
    Set<String> read = RequestOutcomes.COLUMNS_READ.getOrDefault(tableOf(persister), Set.of());
    for (int property : dirty) {
      for (String column : persister.getPropertyColumnNames(property)) {
        if (read.contains(column.toLowerCase())) {
          return true;
        }
      }
    }
    return false;
  }

  private static String tableOf(EntityPersister persister) {
    return persister instanceof AbstractEntityPersister p ? p.getTableName().toLowerCase() : "";
  }
}
