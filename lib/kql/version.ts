/**
 * Version of the converter's output. Bump it whenever the KQL emitted for some rule changes (mapping data,
 * emitter, transforms): the catalog re-converts stored rules when it differs.
 */
export const CONVERTER_VERSION = "1.6.0";
