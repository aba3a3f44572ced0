/**
 * The QIDO-RS query model (PS3.18 §8.3.4, §10.6; PS3.4 C.2.2.2): query parameters parsed into an
 * immutable, typed {@link org.hozon.dicomweb.qido.QidoQuery}, the required matching and return
 * keys per level ({@link org.hozon.dicomweb.qido.QidoAttributes}), person-name normalization
 * shared by ingest and query ({@link org.hozon.dicomweb.qido.NameNormalizer}) and an in-memory
 * matcher ({@link org.hozon.dicomweb.qido.AttributeMatcher}).
 *
 * <p>Entry point: {@code QidoQuery.parse(resource, studyUid, seriesUid, rawQueryString)} or
 * {@code QidoQuery.of(resource, studyUid, seriesUid, decodedMultimap)}. Malformed values of
 * known parameters raise {@link org.hozon.dicomweb.qido.QidoQueryException} (answer 400);
 * unknown parameters and attributes are kept in {@code ignoredParameters()} (answer with a
 * 299 Warning).
 */
package org.hozon.dicomweb.qido;
