/** DICOMweb resources under /dicom-web. */
package org.hozon.web.dicomweb;
