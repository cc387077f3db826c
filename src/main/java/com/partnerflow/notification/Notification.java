package com.partnerflow.notification;

import java.util.Map;

/**
 * A mail to send once.
 *
 * @param idempotencyKey the same key never mails twice; job workers use {@link #keyFor}
 * @param recipient an e-mail address
 * @param template the name of {@code templates/mail/<template>.html} and {@code .txt}; the text
 *     template's first line is {@code Subject: …}
 * @param model the values the templates show
 */
public record Notification(
    String idempotencyKey, String recipient, String template, Map<String, Object> model) {

  /** The key for mail sent by a job worker: process instance + element + recipient. */
  public static String keyFor(long processInstanceKey, String elementId, String recipient) {
    return processInstanceKey + ":" + elementId + ":" + recipient;
  }
}
