/** Cross-origin resource sharing for browser-based DICOMweb clients. */
package org.hozon.web.cors;
