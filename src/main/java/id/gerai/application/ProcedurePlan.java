package id.gerai.application;

import id.gerai.catalog.ServiceDesign.Procedure;
import id.gerai.catalog.ServiceDesign.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A procedure cut into stages: consecutive steps sharing a parallel group form one stage and run side by side;
 * every other step is a stage of its own. An application works through the stages in order; a stage is done
 * when each of its steps approved.
 */
public record ProcedurePlan(List<List<Step>> stages) {

    public ProcedurePlan {
        stages = stages.stream().map(List::copyOf).toList();
    }

    public static ProcedurePlan of(Procedure procedure) {
        List<List<Step>> stages = new ArrayList<>();
        String group = null;
        for (Step step : procedure.steps()) {
            boolean joins = step.parallelGroup() != null && !step.parallelGroup().isBlank()
                    && Objects.equals(step.parallelGroup(), group) && !stages.isEmpty();
            if (joins) {
                stages.getLast().add(step);
            } else {
                List<Step> stage = new ArrayList<>();
                stage.add(step);
                stages.add(stage);
            }
            group = step.parallelGroup() == null || step.parallelGroup().isBlank() ? null : step.parallelGroup();
        }
        return new ProcedurePlan(stages);
    }

    public int size() {
        return stages.size();
    }

    public List<Step> stage(int index) {
        return stages.get(index);
    }

    /** Whether stage {@code index} decides the application (holds the final approval, or is the last). */
    public boolean isFinal(int index) {
        return index == stages.size() - 1 || stages.get(index).stream().anyMatch(Step::finalApproval);
    }

    /** The step with {@code code}, or {@code null}. */
    public Step step(String code) {
        for (List<Step> stage : stages) {
            for (Step s : stage) {
                if (s.code().equals(code)) {
                    return s;
                }
            }
        }
        return null;
    }

    /** The stage index of the step with {@code code}, or -1. */
    public int stageOf(String code) {
        for (int i = 0; i < stages.size(); i++) {
            for (Step s : stages.get(i)) {
                if (s.code().equals(code)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The longest step time of stage {@code index} in working days. */
    public int days(int index) {
        return stages.get(index).stream().mapToInt(Step::days).max().orElse(0);
    }
}
