/**
 * Archiving: the store transaction sends a message per instance; the archive queue's consumer
 * claims the task in the database, compresses and encrypts the instance once into a temporary
 * file, PUTs it and its sidecar to every archive target that lacks a copy (checksummed,
 * conditional), records each copy, and marks the task ARCHIVED when every required target holds
 * one. Failed attempts are recorded and retried with backoff; a target's failures never make a
 * task FAILED. A DELETE puts the S3 copies of its instances into the deletion outbox, processed the
 * same way. A timer re-sends due work and probes unavailable targets. See docs/archive.md.
 */
package org.hozon.archive.service;
