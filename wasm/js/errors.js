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

export function makeRegcredError(code, message, errorsJson) {
  return new RegcredError(code, message, errorsJson ? JSON.parse(errorsJson) : undefined);
}
