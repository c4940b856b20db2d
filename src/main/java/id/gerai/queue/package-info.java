/**
 * The queue of a service point: counters (loket), walk-in tickets from a kiosk, booked appointments checked in with
 * a code, calling with {@code for update skip locked}, the public call display and today's figures. ADR 0009.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Queue")
package id.gerai.queue;
