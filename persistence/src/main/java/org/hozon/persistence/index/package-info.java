/** The DICOM index: JPA entities for patients, studies, series, instances and what QIDO-RS needs of them. */
package org.hozon.persistence.index;
