package id.gerai.performance.internal;

import id.gerai.application.ApplicationStatusChanged;
import id.gerai.calendar.WorkingCalendar;
import id.gerai.complaint.ComplaintAnswered;
import id.gerai.complaint.ComplaintFiled;
import id.gerai.queue.TicketEnded;
import id.gerai.survey.SurveyAnswered;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the other modules' events into deltas, synchronously inside the transaction that published them: the
 * figures change exactly when the change they count commits, and never without it. Each event costs one insert
 * of one to two small rows into an append-only table, so concurrent transitions never wait for each other here.
 * With {@code gerai.performance.figures.enabled=false} nothing is recorded (to measure what the figures cost).
 */
@Component
class FigureListener {

    private final FigureStore store;
    private final WorkingCalendar calendar;
    private final boolean enabled;

    FigureListener(FigureStore store, WorkingCalendar calendar,
                   @Value("${gerai.performance.figures.enabled:true}") boolean enabled) {
        this.store = store;
        this.calendar = calendar;
        this.enabled = enabled;
    }

    @EventListener
    void on(ApplicationStatusChanged e) {
        if (enabled) {
            store.insert(Delta.of(e, calendar.zone(e.tenant()), (a, b) -> calendar.workingDaysBetween(e.tenant(), a, b)));
        }
    }

    @EventListener
    void on(SurveyAnswered e) {
        if (enabled) {
            store.insert(List.of(Delta.of(e)));
        }
    }

    @EventListener
    void on(ComplaintFiled e) {
        if (enabled) {
            store.insert(List.of(Delta.of(e, calendar.zone(e.tenant()))));
        }
    }

    @EventListener
    void on(ComplaintAnswered e) {
        if (enabled) {
            store.insert(List.of(Delta.of(e, calendar.zone(e.tenant()))));
        }
    }

    @EventListener
    void on(TicketEnded e) {
        if (enabled) {
            store.insertQueue(List.of(QueueDelta.of(e)));
        }
    }
}
