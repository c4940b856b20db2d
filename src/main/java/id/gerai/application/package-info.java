/**
 * Applications (permohonan): filing online or at a counter, attachments, the procedure engine with its inboxes,
 * working-day deadlines with reminders and escalation, tracking and the public status check.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Applications")
package id.gerai.application;
