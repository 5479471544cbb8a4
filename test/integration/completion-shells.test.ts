// bash and zsh completion as good as fish's, in the real shells: an
// interactive bash (readline) and zsh (zle, compinit) in tmux with the
// generated scripts from completions/, the built CLI as `watchfloor`, stub
// hubs on loopback for the values. Each case is one line typed and Tab.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset, Dispatch, TokenInfo } from '../../src/core/model.js';
import { incident, INCIDENTS, SITES } from '../commands/fixtures.js';
import { cliEnv, runCli, type CliEnv } from '../helpers/cli.js';
import { startCompletionShell, type CompletionDriver, type CompletionShell } from '../helpers/completion-shell.js';
import { startStubHub, type StubHub } from '../helpers/stub-hub.js';
import { describeWith } from '../helpers/system-programs.js';

const COMPLETIONS = join(import.meta.dirname, '..', '..', 'completions');
const SCRIPTS: Record<CompletionShell, string> = { bash: join(COMPLETIONS, 'watchfloor.bash'), zsh: join(COMPLETIONS, '_watchfloor') };

const asset = (id: string, kind: Asset['kind']): Asset => ({ id, siteId: 'RUH', kind, name: id, health: 'ok', managementUrl: null });
const token = (id: string, revokedAt: string | null): TokenInfo => ({
  id, name: id, role: 'officer', createdAt: '2025-03-01T00:00:00Z', lastUsedAt: null, revokedAt, bot: false, expiresAt: null,
});
const fault = (assetKind: string, name: string) => ({ assetKind, fault: name, hardware: false, field: false, remedy: 'fixed', fixedBy: [], weight: 50, share: 0.1 });

let env: CliEnv;
let dayHub: StubHub;
let nightHub: StubHub;
let sim: StubHub;
let cwd: string;

beforeAll(async () => {
  dayHub = await startStubHub([
    { method: 'GET', path: '/v1/sites', body: { sites: SITES } },
    { method: 'GET', path: '/v1/incidents?state=open', body: { incidents: INCIDENTS } },
    { method: 'GET', path: '/v1/assets', body: { assets: [asset('RUH/egate-07', 'egate'), asset('RUH/cctv-04', 'cctv')] } },
    { method: 'GET', path: '/v1/dispatches?state=open', body: { dispatches: [{ id: 'DSP-000003' } as Dispatch] } },
    { method: 'GET', path: '/v1/tokens', body: { tokens: [token('tok_night', null), token('tok_gone', '2025-03-01T01:00:00Z')] } },
  ]);
  nightHub = await startStubHub([{ method: 'GET', path: '/v1/incidents?state=open', body: { incidents: [incident(77)] } }]);
  sim = await startStubHub([
    { method: 'GET', path: '/control/v1/fault-kinds', body: { faultKinds: [fault('egate', 'gate-jam'), fault('cctv', 'stream-lost')], remotelyHandledShare: 0.5 } },
  ]);
  env = cliEnv({ WATCHFLOOR_SIM: sim.url });
  // The default profile asks the day hub, the night profile the night hub: completion must ask the hub the line names.
  expect((await runCli(['config', 'set', 'hub', dayHub.url], env.env)).code).toBe(0);
  expect((await runCli(['--profile', 'night', 'config', 'set', 'hub', nightHub.url], env.env)).code).toBe(0);
  cwd = mkdtempSync(join(env.configDir, 'cwd-'));
  for (const file of ['fleet.sqlite', 'id_ed25519', 'people.yaml', 'cards-outbox.sqlite']) writeFileSync(join(cwd, file), '');
});

afterAll(async () => {
  await Promise.all([dayHub?.close(), nightHub?.close(), sim?.close()]);
  env?.cleanup();
});

/** Every case: the line typed, and what Tab must make of it. */
const CASES: Array<{ name: string; typed: string | (() => string); becomes: string | (() => string) }> = [
  { name: 'file names after --data', typed: 'watchfloor hub start --data fl', becomes: 'watchfloor hub start --data fleet.sqlite' },
  { name: 'file names after --ssh-key', typed: 'watchfloor hub start --ssh-key id_', becomes: 'watchfloor hub start --ssh-key id_ed25519' },
  { name: 'file names after --identities', typed: 'watchfloor bot --identities peo', becomes: 'watchfloor bot --identities people.yaml' },
  { name: 'file names after --outbox', typed: 'watchfloor bot --outbox car', becomes: 'watchfloor bot --outbox cards-outbox.sqlite' },
  { name: '--opt=value', typed: 'watchfloor incidents list --site=JE', becomes: 'watchfloor incidents list --site=JED' },
  { name: 'an option with an optional value leaves the next word to the command', typed: 'watchfloor --json sta', becomes: 'watchfloor --json status' },
  { name: 'lower-case incident ids', typed: 'watchfloor incidents ack inc-4', becomes: 'watchfloor incidents ack inc-42' },
  { name: 'short incident ids, after an alias', typed: 'watchfloor inc ack 4', becomes: 'watchfloor inc ack 42' },
  { name: 'asset ids after diag run', typed: 'watchfloor diag run RUH/c', becomes: 'watchfloor diag run RUH/cctv-04' },
  { name: 'asset ids after sim inject', typed: 'watchfloor sim inject RUH/e', becomes: 'watchfloor sim inject RUH/egate-07' },
  { name: '--fault values', typed: 'watchfloor sim inject RUH/egate-07 --fault ga', becomes: 'watchfloor sim inject RUH/egate-07 --fault gate-jam' },
  { name: '--region values, quoted', typed: 'watchfloor sites list --region Ea', becomes: 'watchfloor sites list --region Eastern\\ Province' },
  { name: 'dispatch ids', typed: 'watchfloor dispatch show dsp-', becomes: 'watchfloor dispatch show dsp-000003' },
  { name: 'token ids (not revoked ones)', typed: 'watchfloor tokens revoke tok_', becomes: 'watchfloor tokens revoke tok_night' },
  { name: 'profiles after --profile', typed: 'watchfloor --profile ni', becomes: 'watchfloor --profile night' },
  { name: 'profiles after config use', typed: 'watchfloor config use ni', becomes: 'watchfloor config use night' },
  { name: 'ids from the --profile typed', typed: 'watchfloor --profile night incidents ack 7', becomes: 'watchfloor --profile night incidents ack 77' },
  { name: 'ids from the --hub typed', typed: () => `watchfloor --hub ${nightHub.url} incidents ack 7`, becomes: () => `watchfloor --hub ${nightHub.url} incidents ack 77` },
  // --json FIELDS as gh has it: the fields of the verb typed (src/commands/json-fields.ts), after a comma too.
  { name: '--json fields after a comma', typed: 'watchfloor incidents list --json id,ti', becomes: 'watchfloor incidents list --json id,title' },
  { name: '--json= fields', typed: 'watchfloor incidents list --json=sev', becomes: 'watchfloor incidents list --json=severity' },
  { name: '--json fields of the verb an alias names', typed: 'watchfloor inc ls --json=id,sta', becomes: 'watchfloor inc ls --json=id,state' },
  { name: '--json fields of a verb with an argument', typed: 'watchfloor status --json wait', becomes: 'watchfloor status --json waitMinutes' },
  { name: '--json fields not offered twice', typed: 'watchfloor dispatch list --json closedAt,closed', becomes: 'watchfloor dispatch list --json closedAt,closedBy' },
  { name: 'a --json field list is not the verb argument', typed: 'watchfloor incidents show --json id,title 4', becomes: 'watchfloor incidents show --json id,title 42' },
  { name: 'an id after a bare --json still completes', typed: 'watchfloor incidents show --json 4', becomes: 'watchfloor incidents show --json 42' },
  { name: 'ids from the --hub= typed', typed: () => `watchfloor --hub=${nightHub.url} incidents ack 7`, becomes: () => `watchfloor --hub=${nightHub.url} incidents ack 77` },
];

for (const shell of ['bash', 'zsh'] as const) {
  const describeShell = shell === 'zsh' ? (title: string, f: () => void) => describeWith('zsh', title, f) : describe;
  describeShell(`${shell} completion`, () => {
    let driver: CompletionDriver;
    beforeAll(async () => {
      const dir = join(env.configDir, shell);
      mkdirSync(dir);
      driver = await startCompletionShell({ shell, script: SCRIPTS[shell], cwd, env: env.env, dir });
    }, 30_000);
    afterAll(() => driver?.close());

    for (const c of CASES) {
      it(c.name, { timeout: 30_000 }, async () => {
        const typed = typeof c.typed === 'string' ? c.typed : c.typed();
        const becomes = typeof c.becomes === 'string' ? c.becomes : c.becomes();
        const screen = await driver.complete(typed, (s) => driver.editLine(s).trimEnd() === becomes, `"${becomes}"`).catch((e: Error) => e.message);
        expect(typeof screen === 'string' ? driver.editLine(screen).trimEnd() : screen).toBe(becomes);
      });
    }
  });
}
