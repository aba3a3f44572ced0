/** The local store under the data directory. */
package org.hozon.archive.store;
