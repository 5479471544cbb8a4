// `maintenance add --site S --from TIME --until TIME --reason TEXT`: a site's
// alerts silenced inside the window (supervisors); prints the window's id.
import { Option } from 'commander';
import { UsageError } from '../../core/errors.js';
import { windowTimes } from '../../core/silence-rules.js';
import { silenceJson } from '../../render/silences.js';
import { completeWith } from '../completion/dynamic.js';
import { defineVerb } from '../verb.js';

export interface MaintenanceAddInput {
  site: string;
  from: string;
  until: string;
  reason: string;
}

export const maintenanceAdd = defineVerb({
  name: 'add',
  description: "schedule a site's maintenance window (supervisors): its alerts are recorded but open no incident inside it",
  metadata: {
    examples: [
      'maintenance add --site JED --from 2026-06-01T22:00:00Z --until 2026-06-02T02:00:00Z --reason "core switch upgrade"',
      'maintenance add --site "Al Batha" --from 2026-06-03T01:00:00+03:00 --until 2026-06-03T03:00:00+03:00 --reason "e-gate firmware"',
    ],
  },
  configure(command) {
    command
      .addOption(completeWith(new Option('--site <site>', 'the site (id, name or city)').makeOptionMandatory(), 'sites'))
      .requiredOption('--from <time>', 'when it starts: an ISO-8601 time with Z or an offset')
      .requiredOption('--until <time>', 'when it ends: an ISO-8601 time with Z or an offset')
      .requiredOption('--reason <text...>', 'why, for the audit log and whoever wonders why the site is quiet (the words up to the next option, so chat needs no quotes)');
  },
  input: (_args: [], o: Omit<MaintenanceAddInput, 'reason'> & { reason: string[] }): MaintenanceAddInput => {
    // Whether the window is already over is the hub's clock's to say (exit 2 from there too).
    const { from, until } = windowTimes(o.from, o.until, { from: '--from', until: '--until' });
    const reason = o.reason.join(' ').trim();
    if (!reason) throw new UsageError('--reason: say why');
    return { site: o.site, from: new Date(from).toISOString(), until: new Date(until).toISOString(), reason };
  },
  async run(input, ctx) {
    const client = ctx.client();
    const siteId = (await client.findSite(input.site)).id;
    return client.addMaintenance({ siteId, from: input.from, until: input.until, reason: input.reason });
  },
  present: {
    text: (window) => window.id,
    note: (window) => `maintenance window for ${window.siteId} from ${window.startsAt} until ${window.endsAt} (${window.state})`,
    json: (window) => ({ silence: silenceJson(window) }),
  },
});
