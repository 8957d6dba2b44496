package org.morgue.api;

/**
 * A JSON request body of the API, bound to the record that lists its fields, which the
 * OpenAPI description shows as the operation's request schema. Such bodies are read
 * strictly ({@link JsonRequestConfiguration}): a field the record does not have is
 * refused, naming it, unless the record ignores unknown fields itself; a value must be of
 * its field's JSON type.
 */
interface JsonRequest {

}
