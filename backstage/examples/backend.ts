// packages/backend/src/index.ts of a Backstage app: add the regcred actions to the scaffolder.
//   const backend = createBackend();
//   backend.add(import('@backstage/plugin-scaffolder-backend'));
//   addRegcred(backend);
//   backend.start();
import type { Backend } from '@backstage/backend-app-api';

export function addRegcred(backend: Backend) {
  backend.add(import('@regcred/plugin-scaffolder-backend-module-registry'));
}
