/** HTTP details DICOMweb responses need beyond media types: byte ranges. */
package org.hozon.dicomweb.http;
