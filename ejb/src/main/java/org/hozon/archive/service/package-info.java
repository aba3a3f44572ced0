/**
 * Archiving: the store transaction sends a message per instance; the archive queue's consumer
 * claims the task in the database, compresses and encrypts the instance into a temporary file,
 * PUTs it and its sidecar to S3 (checksummed, conditional), records the copy and marks the task
 * ARCHIVED. A timer re-sends tasks whose message was lost.
 */
package org.hozon.archive.service;
