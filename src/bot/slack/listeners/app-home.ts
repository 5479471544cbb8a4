// The App Home tab: the fleet summary, fetched when the user opens it.
import type { App, types } from '@slack/bolt';
import { clientFor } from '../../session.js';
import { renderSlackHome } from '../blocks.js';
import type { ListenerContext } from './context.js';

export function registerAppHome(app: App, ctx: ListenerContext): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    ctx.later.run({
      about: { what: 'the App Home', user: event.user },
      async work() {
        const session = ctx.sessionFor(event.user);
        const hub = clientFor(session);
        try {
          const status = await hub.fleetStatus();
          await client.views.publish({ user_id: event.user, view: renderSlackHome(status, session.user.lang) as types.HomeView });
        } finally {
          await hub.close();
        }
      },
    });
  });
}
