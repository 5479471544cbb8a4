// `--since` as the built CLI reads it: a span or time out of range is a usage
// error (exit 2, one line naming the allowed range), never a "bug"; a good one
// still reaches the hub.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli, type CliEnv } from '../helpers/cli.js';
import { startFixtureHub, type FixtureHub } from '../hub/hub-fixture.js';

let hub: FixtureHub;
let cli: CliEnv;
const env = () => ({ ...cli.env, WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: hub.adminToken! });

beforeAll(async () => {
  hub = await startFixtureHub();
  cli = cliEnv();
});

afterAll(async () => {
  await hub?.stop();
  cli?.cleanup();
});

describe('--since out of range', () => {
  for (const verb of [['audit', 'list'], ['kpi', 'remote']]) {
    it(`${verb.join(' ')}: exit 2 with one line saying what is allowed, text and --json`, async () => {
      for (const since of ['99999999999999999999d', '99999999999d', '+275760-09-13T00:00:00Z']) {
        const text = await runCli([...verb, '--since', since], env());
        expect(text.code, `${since}: ${text.stderr}`).toBe(2);
        expect(text.stdout).toBe('');
        const [message] = text.stderr.trim().split('\n');
        expect(message).toContain(`--since: "${since}" is not a span up to 3650d`);
        expect(message).toContain('from 1970-01-01 to 9999-12-31');
        expect(text.stderr).not.toMatch(/bug|RangeError/i);

        const json = await runCli([...verb, '--since', since, '--json'], env());
        expect(json.code).toBe(2);
        expect(JSON.parse(json.stderr).error.code).toBe('usage');
      }
    });
  }

  it('a span in range still works end to end', async () => {
    const audit = await runCli(['audit', 'list', '--since', '3650d', '--json'], env());
    expect(audit.code, audit.stderr).toBe(0);
    expect(JSON.parse(audit.stdout).entries.length).toBeGreaterThan(0);
    const kpi = await runCli(['kpi', 'remote', '--since', '90s', '--json'], env());
    expect(kpi.code, kpi.stderr).toBe(0);
    expect(JSON.parse(kpi.stdout).incidents).toBe(0);
  });
});
