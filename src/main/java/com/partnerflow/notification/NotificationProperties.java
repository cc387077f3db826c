package com.partnerflow.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from sender of every mail
 * @param sendingLease how long one sender holds a mail before another may try again
 */
@ConfigurationProperties("partnerflow.notification")
public record NotificationProperties(
    @DefaultValue("Partnerflow <program@partnerflow.example>") String from,
    @DefaultValue("PT5M") Duration sendingLease) {}
