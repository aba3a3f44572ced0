/** Self-test of a node's wires: database, object store, archive queue. */
package org.hozon.platform.selftest;
