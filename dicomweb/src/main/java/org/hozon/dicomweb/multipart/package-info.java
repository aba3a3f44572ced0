/**
 * Streaming {@code multipart/related} bodies (RFC 2046 §5.1, RFC 2387) for STOW-RS requests and
 * WADO-RS responses: {@link org.hozon.dicomweb.multipart.MultipartReader} splits a body into
 * {@link org.hozon.dicomweb.multipart.Part}s with a bounded buffer,
 * {@link org.hozon.dicomweb.multipart.MultipartWriter} writes one, and
 * {@link org.hozon.dicomweb.multipart.MultipartContentType} reads the Content-Type parameters.
 * Malformed bodies raise {@link org.hozon.dicomweb.multipart.MultipartException}.
 */
package org.hozon.dicomweb.multipart;
