/**
 * Restore from S3 plus the hospital's keystore alone: rebuilds the index and the local store of an
 * empty Hozon from the archive bucket. A run lists the bucket (paginated) into
 * {@code restore_object}, then a few workers take the objects in the order their copies were made:
 * for each data object, its sidecar is opened with the KEK named in it (the receipt tells which
 * instance it is and its SHA-256 at receipt), the data key unwrapped bound to tenant, SOP Instance
 * UID and key id, and the object decrypted and decompressed as a stream into the local store while
 * hashing; only when the SHA-256 equals the receipt's is it indexed, through the same ingest code
 * as STOW-RS, with its archive task ARCHIVED and its copy recorded. An object that cannot be
 * opened is a failure of that object, never of the run. Progress and failures are in the database,
 * so a run continues after an interruption. See docs/restore.md.
 */
package org.hozon.archive.restore;
