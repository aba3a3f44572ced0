/** The archive queue: names shared by producers and the consumer. */
package org.hozon.archive.queue;
