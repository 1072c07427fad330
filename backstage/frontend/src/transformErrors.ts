// For apps whose templates use regcred's own schema (registrySchema()) as plain step parameters:
// the scaffolder's `formProps.transformErrors` that drops ajv's pattern/if messages in favour of
// regcred's specific ones.
export { transformErrors as regcredTransformErrors } from 'regcred/rjsf';
