/**
 * QIDO-RS searches as portable SQL over the index schema (migration V2): {@link
 * org.hozon.persistence.query.QidoSqlBuilder} turns a {@link org.hozon.dicomweb.qido.QidoQuery}
 * into one SELECT with JDBC parameters (same text on PostgreSQL and H2), and {@link
 * org.hozon.persistence.query.QidoSearchExecutor} runs it, applies what SQL cannot decide (keys
 * without an index column, matched on the stored headers) and pages the result.
 */
package org.hozon.persistence.query;
