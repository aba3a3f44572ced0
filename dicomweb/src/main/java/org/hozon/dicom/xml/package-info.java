/** The DICOM Native Model in XML (PS3.19 Annex A), as {@code application/dicom+xml}. */
package org.hozon.dicom.xml;
