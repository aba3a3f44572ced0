/** Pixel data codecs Hozon implements itself: RLE Lossless decoding (PS3.5 Annex G). */
package org.hozon.dicom.codec;
