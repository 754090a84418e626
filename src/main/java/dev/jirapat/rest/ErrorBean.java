package dev.jirapat.rest;

/**
 * The one error body: {@code {"exception": "<type>", "error": "<localised message>"}}, plus, when the refusal is
 * about one request field, {@code "errors": {"<field>": "<the same message>"}} (an extension, keyed by the field's
 * wire name, so a page can mark the field; absent otherwise).
 */
public final class ErrorBean implements JsonWritable {
    private final String exception;
    private final String error;
    private final String field;

    ErrorBean(String exception, String error, String field) {
        this.exception = exception;
        this.error = error;
        this.field = field;
    }

    @Override
    public void writeJson(JsonWriter out) {
        out.beginObject().field("exception", exception).field("error", error);
        if (field != null) {
            out.name("errors").beginObject().name(field).value(error).endObject();
        }
        out.endObject();
    }
}
