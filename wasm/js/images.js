// Results of the image exports built from compact data (wasm/src/images.rs), so that a
// per-keystroke call costs no JSON text: the module passes one ASCII text and the spans of the
// fields in it, this builds the same Report the JSON codec would.

/** A missing tag or digest in `spans` (u32::MAX). */
const ABSENT = 0xffffffff;

/**
 * The Report of a valid image reference: `spans` holds start and end offsets into `text`, in
 * the order domain, path, tag, digest, name, familiarName, reference, familiarReference,
 * pullReference (the order of the core's `ImageReference`, which is the JSON's key order).
 */
export function referenceReport(text, spans) {
  const at = (i) => text.slice(spans[2 * i], spans[2 * i + 1]);
  const value = { domain: at(0), path: at(1) };
  if (spans[4] !== ABSENT) value.tag = at(2);
  if (spans[6] !== ABSENT) value.digest = at(3);
  value.name = at(4);
  value.familiarName = at(5);
  value.reference = at(6);
  value.familiarReference = at(7);
  value.pullReference = at(8);
  return { valid: true, errors: [], warnings: [], value };
}
