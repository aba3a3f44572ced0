/** The archive outbox: tasks that copy stored instances to the archive targets. */
package org.hozon.persistence.archive;
