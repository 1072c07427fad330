// The error class every regcred function throws on misuse or on invalid input to a generator.
// `code` is stable API; `errors` lists the failing fields when the input failed validation.
export class RegcredError extends Error {
  constructor(code, message, errors) {
    super(message);
    this.name = 'RegcredError';
    this.code = code;
    if (errors !== undefined) this.errors = errors;
  }
}

// `parts` is `code NUL message NUL errorsJson` (errorsJson may be empty): one string argument,
// so this import has the signature most of the module's imports have (each distinct signature
// costs a wrapper compiled at instantiation; see ARCHITECTURE.md, "Cold start"). The code has no
// NUL and JSON text escapes it, so the first and the last NUL are the separators.
export function makeRegcredError(parts) {
  const first = parts.indexOf('\0');
  const last = parts.lastIndexOf('\0');
  const errorsJson = parts.slice(last + 1);
  return new RegcredError(parts.slice(0, first), parts.slice(first + 1, last), errorsJson ? JSON.parse(errorsJson) : undefined);
}
