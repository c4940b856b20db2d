package id.gerai.survey;

import id.gerai.platform.TenantId;
import java.util.function.Consumer;

/**
 * Reads of recorded survey responses for other modules' background work (figures rebuilt from the source).
 * No permission check: nothing read here identifies a respondent.
 */
public interface SurveyRecords {

    /** Every response of {@code tenant}, oldest first, as the event recorded with it. */
    void replay(TenantId tenant, Consumer<SurveyAnswered> sink);
}
