/** Lifecycle of the archive bucket. */
package org.hozon.archive.s3;
