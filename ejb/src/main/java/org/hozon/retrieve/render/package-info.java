/** Rendering of frames to JPEG and PNG for WADO-RS rendered and thumbnail resources. */
package org.hozon.retrieve.render;
