/**
 * The JSON Canonicalization Scheme (RFC 8785): one exact byte string for a JSON value, so that a
 * signature over it can be checked by anyone who re-canonicalises the same data. Strings and numbers
 * are serialised as ECMAScript's JSON.stringify does (RFC 8785 §3.2.2 adopts exactly that); object
 * members are sorted by their names' UTF-16 code units, which is what Array.prototype.sort compares.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue | undefined };

export function canonicalize(value: JsonValue): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    // I-JSON has no NaN or Infinity; silently writing null (as JSON.stringify does) would sign a lie.
    if (!Number.isFinite(value)) throw new Error(`canonicalize: ${value} is not a JSON number`);
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    return `[${value
      .map((item) => {
        if (item === undefined) throw new Error('canonicalize: an array holds undefined');
        return canonicalize(item);
      })
      .join(',')}]`;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    // Members whose value is undefined are left out, as JSON.stringify leaves them out: the canonical
    // form must match what a verifier sees after the document has travelled as JSON.
    const members = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalize(value[k]!)}`);
    return `{${members.join(',')}}`;
  }
  throw new Error(`canonicalize: ${Object.prototype.toString.call(value)} is not a JSON value`);
}
