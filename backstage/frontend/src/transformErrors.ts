// For templates that use regcred's own schema (registrySchema()) as plain step parameters. The
// scaffolder validates those with ajv alone (its formProps take transformErrors, not
// customValidate), so ajv's errors must stay, but worded for people: a `pattern` error ("must
// match pattern "^(https://)?([0-9]{12}…") becomes the field's label and regcred's help for it,
// and the "must match "then" schema" wrappers go (ajv reports the failing keyword inside them
// too). Every other error is kept, so an invalid form stays invalid.
import type { RJSFValidationError } from '@rjsf/utils';
import { registrySchema, registryTypes } from 'regcred';

let hints: Map<string, string> | undefined;

/** pattern → "<label>: <help>" for the fields of every type's form; label only when types
 * sharing a pattern describe it differently. */
function patternHints(): Map<string, string> {
  if (hints) return hints;
  const found = new Map<string, Set<string>>();
  for (const type of registryTypes()) {
    const properties = (registrySchema(type.id).properties ?? {}) as Record<string, { pattern?: unknown }>;
    for (const field of type.fields) {
      const pattern = properties[field.key]?.pattern;
      if (typeof pattern !== 'string') continue;
      const text = field.help ? `${field.label}: ${field.help}` : `${field.label} is not valid`;
      found.set(pattern, (found.get(pattern) ?? new Set()).add(text));
    }
  }
  hints = new Map(
    [...found].map(([pattern, texts]) => {
      const [only] = texts;
      return [pattern, texts.size === 1 ? only : `${only.split(':')[0]} does not have the expected form`];
    }),
  );
  return hints;
}

/** The scaffolder's `formProps.transformErrors` for regcred's schema. */
export function regcredTransformErrors(errors: RJSFValidationError[]): RJSFValidationError[] {
  const known = patternHints();
  return errors
    .filter((e) => e.name !== 'if')
    .map((e) => {
      const hint = e.name === 'pattern' ? known.get(String(e.params?.pattern)) : undefined;
      return hint ? { ...e, message: hint, stack: `${e.property ?? ''} ${hint}`.trim() } : e;
    });
}
