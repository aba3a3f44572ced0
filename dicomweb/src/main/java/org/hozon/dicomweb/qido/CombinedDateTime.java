package org.hozon.dicomweb.qido;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;

import org.hozon.dicom.VR;

/**
 * Combined date and time range matching (PS3.4 C.2.2.2.5): a DA key and a TM key with the same
 * form of range ({@code StudyDate=20060705-20060707&StudyTime=1000-1800}) read as one DT range,
 * from 2006-07-05 10:00 to 2006-07-07 18:00, instead of "10:00 to 18:00 on each of those days".
 *
 * <p>In DIMSE this needs Extended Negotiation and QIDO-RS has no parameter for it, so Hozon
 * matches date and time separately by default ({@link AttributeMatcher}); this helper lets a
 * resource offer the combined reading where it chooses to (e.g. a work-list view), and is
 * documented as such.
 */
public final class CombinedDateTime {
    /** StudyDate (0008,0020) and StudyTime (0008,0030). */
    public static final int STUDY_DATE = 0x00080020;
    public static final int STUDY_TIME = 0x00080030;

    private CombinedDateTime() {
    }

    /**
     * The combined DT range of a date and a time condition, if both are single ranges of the
     * same form (both closed, both open at the start, or both open at the end; single values
     * count as closed ranges). Empty otherwise.
     */
    public static Optional<TemporalRange> of(MatchCondition date, MatchCondition time) {
        if (date.vr() != VR.DA || time.vr() != VR.TM || date.ranges().size() != 1 || time.ranges().size() != 1) {
            return Optional.empty();
        }
        TemporalRange d = date.ranges().get(0);
        TemporalRange t = time.ranges().get(0);
        if ((d.lower() == null) != (t.lower() == null) || (d.upper() == null) != (t.upper() == null)) {
            return Optional.empty();
        }
        LocalDateTime lower = d.lower() == null ? null
                : LocalDateTime.of((LocalDate) d.lower(), (LocalTime) t.lower());
        LocalDateTime upper = d.upper() == null ? null
                : LocalDateTime.of((LocalDate) d.upper(), (LocalTime) t.upper());
        if (lower != null && upper != null && lower.isAfter(upper)) {
            return Optional.empty();
        }
        return Optional.of(new TemporalRange(VR.DT, lower, upper));
    }

    /** The combined StudyDate/StudyTime range of {@code query}, if it has one key of each that combine. */
    public static Optional<TemporalRange> studyDateTime(QidoQuery query) {
        var dates = query.conditionsOn(STUDY_DATE);
        var times = query.conditionsOn(STUDY_TIME);
        if (dates.size() != 1 || times.size() != 1) {
            return Optional.empty();
        }
        return of(dates.get(0), times.get(0));
    }
}
