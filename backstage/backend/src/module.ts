// The backend module: adds the regcred actions to the scaffolder through its actions extension point.
import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createRegcredActions } from './actions';

/** `backend.add(import('@regcred/plugin-scaffolder-backend-module-registry'))` installs this. */
export const scaffolderModuleRegcred = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'regcred',
  register({ registerInit }) {
    registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(...createRegcredActions());
      },
    });
  },
});
