package id.gerai.catalog;

import java.util.List;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Something that keeps a design from being published.
 *
 * @param path      where in the design, for the editor to point at: {@code name}, {@code standard.PERSYARATAN},
 *                  {@code procedure.steps[2]}, {@code documents[0]}, {@code form.schema}, {@code output.template}
 * @param code      the message key, under {@code catalog.check.}
 * @param arguments the message's arguments; a {@link StandardComponent} is shown by its label
 */
public record DesignProblem(String path, String code, List<Object> arguments) implements MessageSourceResolvable {

    public DesignProblem {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    public static DesignProblem of(String path, String code, Object... arguments) {
        return new DesignProblem(path, code, List.of(arguments));
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return arguments.stream()
                .map(a -> a instanceof StandardComponent c ? new DefaultMessageSourceResolvable("catalog.standard." + c.name()) : a)
                .toArray();
    }

    @Override
    public String getDefaultMessage() {
        return code;
    }
}
