/**
 * Working days and deadlines: the national holidays and cuti bersama of the SKB 3 Menteri (installation-wide
 * data, edited by the platform admin because Islamic holidays can move by decree), each tenant's working
 * week, close of business and time zone (WIB, WITA, WIT), and its regional holidays and special working days.
 *
 * <p>Other modules use {@link id.gerai.calendar.WorkingCalendar} to compute and measure service deadlines
 * (jangka waktu pelayanan) in working days. The MPP manager edits a tenant's calendar at
 * {@code /manage/{tenant}/calendar}, the platform admin the national holidays at {@code /platform/calendar};
 * {@code /api/tenants/{tenant}/calendar} publishes them.
 */
package id.gerai.calendar;
