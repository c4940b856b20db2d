package id.gerai.application;

import static org.assertj.core.api.Assertions.assertThat;

import id.gerai.catalog.ServiceDesign.Procedure;
import id.gerai.catalog.ServiceDesign.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcedurePlanTests {

    private static Step step(String code, String group, int days, boolean last) {
        return new Step(code, code, null, "PETUGAS_INSTANSI", null, days, List.of("APPROVE"), group, last);
    }

    @Test
    void consecutiveStepsOfOneParallelGroupFormOneStage() {
        ProcedurePlan plan = ProcedurePlan.of(new Procedure(List.of(step("VERIF", null, 1, false),
                step("TEKNIS_A", "P", 2, false), step("TEKNIS_B", "P", 3, false), step("TTD", null, 1, true))));
        assertThat(plan.size()).isEqualTo(3);
        assertThat(plan.stage(1)).extracting(Step::code).containsExactly("TEKNIS_A", "TEKNIS_B");
        assertThat(plan.days(1)).isEqualTo(3);
        assertThat(plan.stageOf("TTD")).isEqualTo(2);
        assertThat(plan.isFinal(2)).isTrue();
        assertThat(plan.isFinal(1)).isFalse();
        assertThat(plan.step("TEKNIS_B").days()).isEqualTo(3);
        assertThat(plan.step("NOPE")).isNull();
    }

    @Test
    void theSameGroupNameLaterStartsANewStage() {
        ProcedurePlan plan = ProcedurePlan.of(new Procedure(List.of(step("A", "P", 1, false), step("B", null, 1, false),
                step("C", "P", 1, false), step("D", "P", 1, true))));
        assertThat(plan.size()).isEqualTo(3);
        assertThat(plan.stage(2)).extracting(Step::code).containsExactly("C", "D");
    }
}
