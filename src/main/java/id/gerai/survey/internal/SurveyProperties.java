package id.gerai.survey.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Survey settings ({@code gerai.survey.*}), checked at start-up.
 *
 * @param invitationValidity how long after completion the applicant may answer (a day to a year)
 * @param lowestElements     how many of the lowest elements reports highlight (1-9)
 */
@Validated
@ConfigurationProperties("gerai.survey")
record SurveyProperties(@DefaultValue("90d") @NotNull Duration invitationValidity,
                        @DefaultValue("3") @Min(1) @Max(9) int lowestElements) {

    SurveyProperties {
        if (invitationValidity.compareTo(Duration.ofDays(1)) < 0 || invitationValidity.compareTo(Duration.ofDays(366)) > 0) {
            throw new IllegalArgumentException("gerai.survey.invitation-validity must lie between 1d and 366d, not " + invitationValidity);
        }
    }
}
