package com.partnerflow.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The attempts of each mail in the notification log. */
public interface NotificationAttempts extends JpaRepository<NotificationAttempt, Long> {

  List<NotificationAttempt> findByNotificationIdOrderByAttempt(Long notificationId);
}
