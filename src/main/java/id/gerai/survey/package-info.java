/**
 * Satisfaction surveys (SKM, PermenPAN-RB 14/2017): the questionnaire after a completed application or at a
 * kiosk, and the IKM results per service, agency, service point, tenant and period.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Satisfaction surveys")
package id.gerai.survey;
