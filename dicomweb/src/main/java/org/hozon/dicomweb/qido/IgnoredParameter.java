package org.hozon.dicomweb.qido;

/**
 * A query parameter that was not applied; the resource reports it in a 299 Warning
 * (PS3.18 §8.3: unsupported parameters are ignored, the request proceeds as if they were absent).
 *
 * @param name the parameter name as received (decoded)
 * @param value the value as received (decoded); for includefield, the one unknown attribute
 * @param reason why it was ignored
 */
public record IgnoredParameter(String name, String value, Reason reason) {

    /** Why a parameter was ignored. */
    public enum Reason {
        /** Neither a QIDO-RS parameter nor an attribute ID. */
        UNKNOWN_PARAMETER,
        /** Looks like an attribute ID but names no known attribute (keyword not in PS3.6). */
        UNKNOWN_ATTRIBUTE
    }

    /** A short text for a Warning header, e.g. {@code unknown attribute Foo}. */
    public String describe() {
        return (reason == Reason.UNKNOWN_ATTRIBUTE ? "unknown attribute " : "unsupported parameter ")
                + (name.equals("includefield") ? "includefield=" + value : name);
    }
}
