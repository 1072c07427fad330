// TypeScript declarations of regcred/rjsf (react-jsonschema-form adapters; no React types
// needed: the shapes below are the parts of RJSF's types these functions use).

/** A node of RJSF's `FormValidation` errors object. */
export interface ErrorNode {
  __errors?: string[];
  addError(message: string): void;
  [key: string]: unknown;
}

/** An ajv error as RJSF passes it to `transformErrors` (its `RJSFValidationError`). */
export interface ValidationError {
  name?: string;
  property?: string;
  message?: string;
  [key: string]: unknown;
}

/** RJSF `customValidate`: regcred's errors for `formData`, each under the field that shows it. */
export function customValidate<E extends ErrorNode>(formData: unknown, errors: E): E;
/** RJSF `transformErrors`: drops ajv's errors that duplicate regcred's. */
export function transformErrors<T extends ValidationError>(errors: T[]): T[];
/** The JSON pointer of the form field an issue's pointer belongs to (`/cert/blocks/0` → `/cert`). */
export function fieldOf(pointer: string): string;
/** The form data for the form of type `to`: typed values stay, the old type's fixed and default values go. */
export function changeType<T extends { registryType?: string }>(formData: T, to: string): T;
