// The scaffolder's real `Secret` field (SecretInput), which @backstage/plugin-scaffolder registers
// by default but does not export by name.
export { SecretInput } from '../node_modules/@backstage/plugin-scaffolder/dist/components/fields/SecretInput/SecretInput.esm.js';
