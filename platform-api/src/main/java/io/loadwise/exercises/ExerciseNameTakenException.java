package io.loadwise.exercises;

/** Another exercise of the library (not archived) has this name already (the API answers 409). */
public class ExerciseNameTakenException extends RuntimeException {

    public ExerciseNameTakenException(String name) {
        super("The library already has an exercise called '" + name + "'. Choose another name, or edit that one.");
    }
}
