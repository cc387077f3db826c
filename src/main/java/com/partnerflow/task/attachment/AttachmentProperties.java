package com.partnerflow.task.attachment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the evidence files uploaded to tasks.
 *
 * @param directory where the files are kept; unset: a new temporary directory per start (fine for
 *     the embedded mode, which keeps nothing). Several instances need one shared directory.
 * @param maxSize the largest file accepted ({@code 413} above it); below {@code
 *     spring.servlet.multipart.max-request-size}, which caps the whole upload request
 * @param allowedTypes content types accepted, as detected from the content
 * @param readerGroups internal groups whose members may download any partner's files; partner users
 *     read only their own organisation's
 * @param orphanGrace how old a stored file without a metadata row (a crash between writing the file
 *     and its row) or an unfinished upload must be before the sweep removes it; longer than any
 *     upload takes
 * @param orphanSweepInterval how often each instance sweeps for such files
 */
@ConfigurationProperties("partnerflow.attachments")
public record AttachmentProperties(
    Path directory,
    @DefaultValue("10MB") DataSize maxSize,
    @DefaultValue({"application/pdf", "image/png", "image/jpeg"}) List<String> allowedTypes,
    @DefaultValue({
          "admins",
          "marketing-ops",
          "finance",
          "channel-managers",
          "marketing-directors",
          "executive-sponsors",
          "partner-managers"
        })
        Set<String> readerGroups,
    @DefaultValue("PT1H") Duration orphanGrace,
    @DefaultValue("PT1H") Duration orphanSweepInterval) {}
