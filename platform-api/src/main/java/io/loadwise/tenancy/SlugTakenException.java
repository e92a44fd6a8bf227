package io.loadwise.tenancy;

/** Another business already uses the storefront address. The API answers 409. */
public class SlugTakenException extends RuntimeException {

    public SlugTakenException(String slug) {
        super("The address /t/" + slug + " is already taken. Choose another one.");
    }
}
