package id.gerai.survey;

/**
 * The survey invitation of a completed application, for its page ("rate this service").
 *
 * @param open     the applicant may still answer
 * @param answered the questionnaire was answered
 * @param url      the questionnaire's path, e.g. {@code /survey/K7M3Q9XD2} (for the signed-in applicant)
 */
public record Invitation(boolean open, boolean answered, String url) {
}
