package id.gerai.performance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo's generated queue history: the typical wait it was given comes back as the median, and the monthly rows sum the daily ones. */
@GeraiIntegrationTest
class QueueHistoryIT {

    @Autowired HistoryGenerator generator;
    @Autowired FigureQueries queries;
    @Autowired Fixtures fixtures;
    @Autowired TenancyApi tenancy;

    @Test
    void generatedQueueHistoryHasTheGivenMedianAndMonthsThatSumTheDays() {
        Tenant t = fixtures.newTenant();
        UUID agency = fixtures.newAgency(t, "DUKCAPIL");
        UUID point = tenancy.createServicePoint(t.id(), new TenancyApi.NewServicePoint("MPP", "MPP Sejarah",
                ServicePointKind.MPP, "Jl. Uji 3", null, 10));
        LocalDate from = LocalDate.of(2026, 3, 1);
        LocalDate to = LocalDate.of(2026, 5, 31);
        long tickets = generator.generateQueue(List.of(new HistoryGenerator.QueueCell(t.id(), point, agency, 40, 12, true)),
                from, to, 5);
        assertThat(tickets).isGreaterThan(1000);
        QueueTotals days = queries.queueTotals(t.id(), null, from, to);
        assertThat(days.ended()).isEqualTo(tickets);
        assertThat(days.medianWait()).isEqualTo(12);
        assertThat(days.p90Wait()).isEqualTo(24);
        assertThat(days.noShowRate()).isBetween(2.0, 10.0);
        QueueTotals months = queries.queueByTenant(java.time.YearMonth.from(from), java.time.YearMonth.from(to)).get(t.id());
        assertThat(months.served()).isEqualTo(days.served());
        assertThat(months.waitHist()).isEqualTo(days.waitHist());
        // written again: replaced, not added
        generator.generateQueue(List.of(new HistoryGenerator.QueueCell(t.id(), point, agency, 40, 12, true)), from, to, 5);
        assertThat(queries.queueTotals(t.id(), null, from, to).ended()).isEqualTo(tickets);
    }
}
