// What tests/js/backstage.test.mjs runs on the backend side, bundled by esbuild: the module
// installed through the README's snippet into a real backend (backend-app-api) whose scaffolder
// plugin is a stand-in that collects the actions added to its extension point, and the action
// runner typed as the scaffolder's context.
import { createSpecializedBackend } from '@backstage/backend-app-api';
import { coreServices, createBackendPlugin, createServiceFactory } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { addRegcred } from '../examples/backend';

export { runAction } from './actionContext';
export { createRegcredActions } from '@regcred/plugin-scaffolder-backend-module-registry';

/** The lifecycle a backend needs to start (backend-defaults has the full one; this runs the hooks). */
function lifecycle() {
  const startup: (() => void | Promise<void>)[] = [];
  const shutdown: (() => void | Promise<void>)[] = [];
  return {
    addStartupHook: (hook: () => void | Promise<void>) => void startup.push(hook),
    addBeforeShutdownHook: () => {},
    addShutdownHook: (hook: () => void | Promise<void>) => void shutdown.push(hook),
    async startup() {
      for (const hook of startup) await hook();
    },
    async beforeShutdown() {},
    async shutdown() {
      for (const hook of shutdown) await hook();
    },
  };
}

const lifecycleServices = [
  createServiceFactory({ service: coreServices.rootLifecycle, deps: {}, factory: lifecycle }),
  createServiceFactory({ service: coreServices.lifecycle, deps: {}, factory: lifecycle }),
];

/** Starts a backend with the module added as the README shows; resolves the actions it registered. */
export async function actionsFromBackend(): Promise<{ actions: TemplateAction<any, any, any>[]; stop(): Promise<void> }> {
  const actions: TemplateAction<any, any, any>[] = [];
  const backend = createSpecializedBackend({ defaultServiceFactories: lifecycleServices });
  backend.add(
    createBackendPlugin({
      pluginId: 'scaffolder',
      register(env) {
        env.registerExtensionPoint(scaffolderActionsExtensionPoint, { addActions: (...a) => actions.push(...a) });
        env.registerInit({ deps: {}, async init() {} });
      },
    }),
  );
  addRegcred(backend);
  await backend.start();
  return { actions, stop: () => backend.stop() };
}
