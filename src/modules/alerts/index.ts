/**
 * Public surface of the alerts module: investors save the profile they answered on /policies-for-me or /plan (e-mail,
 * double opt-in, one-click unsubscribe, no account); when a policy or a rule is published or changed, the worker
 * evaluates the changed policies against the saved profiles and e-mails those for whom a policy newly applies or may
 * apply, with the reasons — once per profile per change.
 */
import type { AppModule } from '../module.js';
import { alertSweepTask } from './alert-sweep.js';
import { registerAlerts } from './alerts.pages.js';

export const alertsModule: AppModule = {
  name: 'alerts',
  // @alerts:worker — the sweep over published content versions.
  worker: (deps) => ({ periodic: [alertSweepTask(deps)] }),
  routes: async (app, deps) => {
    // @alerts:pages — subscribe, confirm, unsubscribe.
    await registerAlerts(app, deps);
  },
};
