/**
 * DICOMweb media types and content negotiation (PS3.18 §8.7): the
 * {@link org.hozon.dicomweb.media.MediaType} value type, Accept lists
 * ({@link org.hozon.dicomweb.media.AcceptHeader}), the Transfer Syntax tables
 * ({@link org.hozon.dicomweb.media.TransferSyntaxTable}) and the choice of the Selected Media Type
 * and Transfer Syntax ({@link org.hozon.dicomweb.media.MediaTypeNegotiator} over
 * {@link org.hozon.dicomweb.media.Offer}s, giving a {@link org.hozon.dicomweb.media.Negotiation}).
 */
package org.hozon.dicomweb.media;
