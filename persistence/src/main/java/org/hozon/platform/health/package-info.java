/** Readiness checks reported at /health/ready on the management port. */
package org.hozon.platform.health;
