/**
 * QIDO-RS search: {@link org.hozon.query.QidoSearchService} runs a parsed query on the index
 * (one SQL statement per page, read only) and {@link org.hozon.query.QidoResultBuilder} turns
 * each row into the DICOM data set the response carries.
 */
package org.hozon.query;
