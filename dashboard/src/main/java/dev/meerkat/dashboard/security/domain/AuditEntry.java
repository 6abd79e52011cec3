package dev.meerkat.dashboard.security.domain;

import java.time.Instant;

/**
 * One line of the audit log.
 *
 * @param at when the change was made
 * @param user who made it ({@code anonymous} when authentication is switched off)
 * @param action what was done, e.g. {@code delete}
 * @param objectType the kind of object, e.g. {@code slo}
 * @param objectId its id, or ids separated by commas; empty when the change has none
 */
public record AuditEntry(
    Instant at, String user, String action, String objectType, String objectId) {}
