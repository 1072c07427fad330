// regcred/rjsf: regcred's validation for react-jsonschema-form (RJSF 5), so that every problem
// shows once, under a field the form displays. No React import: pass the two functions as the
// Form's `customValidate` and `transformErrors` props (README, "Forms with
// react-jsonschema-form").
import { registryTypes, validateRegistry } from 'regcred';

/**
 * RJSF `customValidate`: adds regcred's errors for `formData` to RJSF's `errors` object, each
 * under the field its JSON pointer names. An issue deeper than a field (a certificate block
 * `/cert/blocks/0`, a key member `/password/private_key`, a cluster `/injection/autoInject/2`)
 * shows at that field. Values of fields the type's form hides are not errors (regcred leaves
 * them out with the warning `config.ignored`).
 */
export function customValidate(formData, errors) {
  for (const issue of validateRegistry(formData ?? {}).errors) {
    addError(errors, fieldOf(issue.path), issue.message);
  }
  return errors;
}

/**
 * The form data for the form of type `to` (a host swaps `registrySchema(type)` when the person
 * picks another type): what the person typed stays, values the previous type's form filled in
 * itself (its fixed values and defaults, such as Docker Hub's URL or GCP's `_json_key`) go.
 */
export function changeType(formData, to) {
  const from = registryTypes().find((t) => t.id === formData?.registryType);
  const out = { ...formData, registryType: to };
  for (const f of from?.fields ?? []) {
    const filled = f.fixedValue ?? f.defaultValue;
    if (!f.key.includes('.') && filled !== null && out[f.key] === filled) delete out[f.key];
  }
  return out;
}

/** The ajv keywords regcred's schemas use: regcred's own validation reports each such problem
 * with a message for people, so ajv's version of it would be a second, cryptic message. */
const REGCRED_CHECKS = new Set([
  'required', 'pattern', 'if', 'then', 'else', 'const', 'oneOf', 'anyOf', 'allOf', 'type',
  'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'additionalProperties',
  'false schema', 'enum',
]);

/**
 * RJSF `transformErrors`: drops ajv's errors on the keywords regcred's schemas use (they
 * duplicate what `customValidate` reports); errors from keywords a host added to the schema
 * stay.
 */
export function transformErrors(errors) {
  return errors.filter((e) => !REGCRED_CHECKS.has(e.name));
}

/** The JSON pointer of the form field an issue belongs to: the top-level key, or the key inside
 * the `injection` group; `''` (the whole form) for issues about the whole configuration. */
export function fieldOf(pointer) {
  const tokens = pointerTokens(pointer);
  const depth = tokens[0] === 'injection' && tokens.length > 1 ? 2 : 1;
  return tokens.slice(0, depth).map((t) => '/' + t.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Adds `message` to the node of RJSF's errors object that `pointer` names, creating nodes RJSF
 * did not create (it only creates nodes for keys present in the form data, and an empty
 * required field is absent). A message already there is not added twice. */
function addError(errors, pointer, message) {
  let node = errors;
  for (const key of pointerTokens(pointer)) {
    if (node[key] === undefined || typeof node[key].addError !== 'function') node[key] = errorNode();
    node = node[key];
  }
  if (!(node.__errors ?? []).includes(message)) node.addError(message);
}

function pointerTokens(pointer) {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function errorNode() {
  return {
    __errors: [],
    addError(message) {
      this.__errors.push(message);
    },
  };
}
