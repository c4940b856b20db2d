package id.gerai.application;

/** What an officer decides on a task; a step's design lists which it allows. */
public enum Decision {
    APPROVE, CORRECTION, REJECT
}
