package org.hozon.query;

import java.util.List;

import org.hozon.dicom.Dataset;

/**
 * One page of QIDO-RS results, ready to write as DICOM JSON.
 *
 * @param datasets the matches, in the stable order
 * @param warnings texts for {@code Warning: 299} headers (ignored parameters, truncation)
 */
public record QidoResult(List<Dataset> datasets, List<String> warnings) {

    public QidoResult {
        datasets = List.copyOf(datasets);
        warnings = List.copyOf(warnings);
    }
}
