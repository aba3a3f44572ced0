/**
 * WADO-RS retrieval: resolving study, series and instance targets from the index
 * ({@link org.hozon.retrieve.RetrieveService}), writing stored instances in a requested transfer
 * syntax ({@link org.hozon.retrieve.InstanceWriter}), locating frames ({@link org.hozon.retrieve.PixelData}),
 * and deleting ({@link org.hozon.retrieve.DeleteService}).
 */
package org.hozon.retrieve;
