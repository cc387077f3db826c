package com.partnerflow.task;

/**
 * The business case a task is about, as people name it: what it is ("MDF request"), its title (the
 * request's title, the applicant's company, the partner's name) and its page, or a null {@code
 * href} when the user may not open that page.
 */
public record TaskCase(String kind, String title, String href) {}
