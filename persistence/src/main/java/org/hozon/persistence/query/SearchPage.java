package org.hozon.persistence.query;

import java.util.List;
import java.util.Map;

import org.hozon.dicom.Dataset;

/**
 * One page of search results, in the stable order.
 *
 * @param rows the matching rows
 * @param headers the decoded stored header per row (same positions; null where absent), or
 *     empty if the search fetched none
 * @param requests the Request Attributes Sequence items per series pk (series and instance
 *     levels; series without items are absent)
 * @param moreRemain true if more matches follow this page
 * @param candidateCapReached true if in-memory matching stopped at the candidate cap, so
 *     matches may be missing
 */
public record SearchPage(List<IndexRow> rows, List<Dataset> headers, Map<Long, List<RequestItem>> requests,
        boolean moreRemain, boolean candidateCapReached) {
}
