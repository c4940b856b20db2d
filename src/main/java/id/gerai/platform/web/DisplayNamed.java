package id.gerai.platform.web;

/** A principal that has a name to greet a person with. */
public interface DisplayNamed {
    String displayName();
}
