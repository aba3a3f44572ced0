package org.hozon.web.dicomweb;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** WADO-RS settings from MicroProfile Config ({@code hozon.wado.*}; see docs/configuration.md). */
@ApplicationScoped
public class WadoSettings {

    @Inject
    @ConfigProperty(name = "hozon.wado.bulkdata-uri", defaultValue = "absolute")
    String bulkDataUri;

    /**
     * True (the default, {@code absolute}) for BulkDataURIs with scheme and host as the client sees
     * them; false ({@code relative}) for absolute-path references ({@code /dicom-web/studies/...}).
     */
    public boolean absoluteBulkDataUris() {
        return !"relative".equalsIgnoreCase(bulkDataUri.strip());
    }
}
