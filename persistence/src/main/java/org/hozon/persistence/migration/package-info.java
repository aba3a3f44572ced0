/** Schema migrations (Flyway), run before Hibernate validates the schema. */
package org.hozon.persistence.migration;
