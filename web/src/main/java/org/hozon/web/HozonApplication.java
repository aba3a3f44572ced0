package org.hozon.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application at the root context: {@code /dicom-web/*} and {@code /admin/*}. */
@ApplicationPath("/")
public class HozonApplication extends Application {
}
