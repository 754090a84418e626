package dev.jirapat.rest;

/** A response body that writes itself with {@link JsonWriter}: one JSON value, its properties in wire order. */
interface JsonWritable {
    void writeJson(JsonWriter out);
}
