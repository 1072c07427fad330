// The widget of a secret field inside the RegcredRegistry form: the value goes to the template
// secrets (useTemplateSecrets().setSecrets, so it travels as a task secret), the form data gets
// only the mask. `ui:options.secretKey` names the secret; `multiline` for a pasted JSON key.
import type { CSSProperties } from 'react';
import TextField from '@material-ui/core/TextField';
import { useTemplateSecrets } from '@backstage/plugin-scaffolder-react';
import type { WidgetProps } from '@rjsf/utils';
import { mask } from './secretMask';

export function RegcredSecretWidget(props: WidgetProps) {
  const { secrets, setSecrets } = useTemplateSecrets();
  const key = String(props.options.secretKey);
  const multiline = props.options.multiline === true;
  return (
    <TextField
      id={props.id}
      label={props.label}
      required={props.required}
      disabled={props.disabled || props.readonly}
      placeholder={props.placeholder}
      value={secrets[key] ?? ''}
      type={multiline ? 'text' : 'password'}
      multiline={multiline}
      minRows={multiline ? 4 : undefined}
      autoComplete="off"
      error={(props.rawErrors?.length ?? 0) > 0}
      // A multi-line secret (a service-account key) is masked by the browser's text security.
      inputProps={multiline ? { style: { WebkitTextSecurity: 'disc' } as CSSProperties, spellCheck: false } : undefined}
      onChange={(e) => {
        setSecrets({ [key]: e.target.value });
        props.onChange(mask(e.target.value));
      }}
    />
  );
}
