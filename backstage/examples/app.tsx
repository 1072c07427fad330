// packages/app/src/App.tsx of a Backstage app: the RegcredRegistry field next to the scaffolder's
// own fields, as the children of its route:
//   <Route path="/create" element={<ScaffolderPage />}>{scaffolderFieldExtensions}</Route>
import { ScaffolderFieldExtensions } from '@backstage/plugin-scaffolder-react';
import { RegcredRegistryFieldExtension } from '@regcred/plugin-scaffolder-frontend-module-registry';

export const scaffolderFieldExtensions = (
  <ScaffolderFieldExtensions>
    <RegcredRegistryFieldExtension />
  </ScaffolderFieldExtensions>
);
