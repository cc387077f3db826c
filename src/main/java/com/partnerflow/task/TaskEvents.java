package com.partnerflow.task;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The audit trail of inbox tasks. */
public interface TaskEvents extends JpaRepository<TaskEvent, Long> {

  List<TaskEvent> findByProcessInstanceKeyOrderByOccurredAtAscIdAsc(long processInstanceKey);

  List<TaskEvent> findByTaskIdOrderByOccurredAtAscIdAsc(long taskId);
}
