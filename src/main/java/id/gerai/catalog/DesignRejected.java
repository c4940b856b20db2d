package id.gerai.catalog;

import id.gerai.platform.GeraiException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Publishing was refused because the design has problems (422, code {@code catalog-design-rejected}). */
public class DesignRejected extends GeraiException {

    private final transient List<DesignProblem> problems;

    public DesignRejected(List<DesignProblem> problems) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "catalog-design-rejected", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<DesignProblem> problems() {
        return problems;
    }
}
