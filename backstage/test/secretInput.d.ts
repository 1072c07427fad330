import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';

export declare function SecretInput(props: FieldExtensionComponentProps<string>): JSX.Element;
