/**
 * Envelope encryption of archive copies: a fresh data key per instance, LZ4 per segment, then
 * AES-256-GCM in fixed-size segments whose index and final flag are authenticated; the data key
 * wrapped by a key-encryption key (KEK) from the hospital's keystore. Plain Java (JCE), no
 * container APIs, so restore tools and tests use it directly. Format: docs/archive-format.md.
 */
package org.hozon.archive.crypto;
