/** The audit trail. */
package org.hozon.persistence.audit;
