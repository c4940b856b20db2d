package id.gerai.catalog;

import java.util.List;
import org.springframework.context.MessageSourceResolvable;

/**
 * One field of submitted data that breaks its form's schema.
 *
 * @param path      where in the data: {@code nama}, {@code alamat.villageCode}, {@code anggota[1].nik};
 *                  empty for the data as a whole
 * @param code      the message key, under {@code catalog.form.error.}
 * @param arguments the message's arguments (numbers or text, never personal data)
 */
public record FormProblem(String path, String code, List<Object> arguments) implements MessageSourceResolvable {

    public FormProblem {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return arguments.toArray();
    }

    @Override
    public String getDefaultMessage() {
        return code;
    }
}
