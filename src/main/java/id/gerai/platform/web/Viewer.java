package id.gerai.platform.web;

import java.util.Set;

/** The signed-in person as the layout sees it; the model holds {@code null} when nobody is signed in. */
public record Viewer(String name, Set<String> roles) {

    public boolean has(String role) {
        return roles.contains("ROLE_" + role);
    }
}
