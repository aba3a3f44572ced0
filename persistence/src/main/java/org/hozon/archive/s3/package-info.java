/** The S3 object store: settings and the client. */
package org.hozon.archive.s3;
