// Secrets in form data: only their mask, one `*` per character (as the scaffolder's Secret field
// stores them), while the values travel in the template secrets.

/** The mask of `secret`. */
export function mask(secret: string): string {
  return '*'.repeat(secret.length);
}

/** A non-empty mask: a secret the person typed, whose value is in the template secrets. */
export function isMask(value: unknown): boolean {
  return typeof value === 'string' && /^\*+$/.test(value);
}
