/** Consumer of the archive queue. */
package org.hozon.archive.queue;
