// regcred's validation as react-jsonschema-form's custom validation. RJSF validates the form
// with ajv (draft-07, as Backstage does) against registrySchema(); regcred adds what a schema
// cannot say (ECR account ids and regions, CA certificates, GCP keys, ...) and puts each message
// under the field its JSON-pointer path names.
import { validateRegistry } from 'regcred';

/** RJSF `customValidate`: adds regcred's errors for `formData` to RJSF's `errors` object. */
export function customValidate(formData, errors) {
  return addIssues(errors, validateRegistry(formData ?? {}).errors);
}

/**
 * Adds each issue's message to the node of RJSF's errors object (a `FormValidation`) that its
 * JSON pointer names, creating nodes RJSF did not create (it only creates nodes for keys present
 * in the form data, and an empty required field is absent). The empty pointer is the whole form.
 */
export function addIssues(errors, issues) {
  for (const issue of issues) {
    let node = errors;
    for (const key of pointerTokens(issue.path)) {
      if (node[key] === undefined || typeof node[key].addError !== 'function') node[key] = errorNode();
      node = node[key];
    }
    node.addError(issue.message);
  }
  return errors;
}

/** ajv's `pattern` and `if` messages ("must match pattern "^(https://)?([0-9]{12}..."") say
 * nothing a person can act on, and regcred reports those fields with specific messages. */
export function transformErrors(errors) {
  return errors.filter((e) => e.name !== 'pattern' && e.name !== 'if');
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
