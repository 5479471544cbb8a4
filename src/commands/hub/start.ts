// `hub start`: run the hub in this process until SIGINT/SIGTERM. It emits
// one event, once it listens: the URL a script waits for.
import { Option } from 'commander';
import { completeFiles } from '../completion/dynamic.js';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { profileName } from '../config/connection.js';
import { integerOption, positiveNumberOption } from '../options.js';
import { defineVerb } from '../verb.js';
import { parseAutoRemediate, type AutoRemediateKinds } from './auto-remediate.js';
import { saveHubProfile } from './profile.js';

export interface HubStartInput {
  demo: boolean;
  seed: number | undefined;
  speed: number | undefined;
  port: number | undefined;
  host: string | undefined;
  data: string | undefined;
  autoRemediate: AutoRemediateKinds | undefined;
  sshKey: string | undefined;
  auditKey: string | undefined;
  auditCheckpoints: string | undefined;
  playbooks: string | undefined;
}

export interface HubListening {
  url: string;
}

type HubStartOptions = Omit<HubStartInput, 'autoRemediate'> & { autoRemediate?: AutoRemediateKinds | true };

export const hubStart = defineVerb({
  name: 'start',
  description: 'run the hub here until Ctrl-C',
  configure(command) {
    command
      .option('--demo', 'seed the 103-site demo fleet and run the simulator', false)
      .option('--seed <n>', 'simulator seed', integerOption(0))
      .option('--speed <x>', 'simulated seconds per real second', positiveNumberOption)
      .option('--port <port>', 'port to listen on (0: any free port)', integerOption(0, 65535))
      .option('--host <host>', 'address to listen on (default 127.0.0.1)')
      .addOption(completeFiles(new Option('--data <file>', 'SQLite data file (default <config dir>/hub.sqlite)')))
      .addOption(completeFiles(new Option('--ssh-key <file>', 'private key for site servers managed over ssh:// (read once at start)')))
      .option('--audit-key <file>', 'Ed25519 key the audit checkpoints are signed with, readable by its owner only (default: created beside the data file)')
      .option('--audit-checkpoints <file>', 'file the signed audit checkpoints are appended to (default: beside the data file)')
      .option('--playbooks <dir>', "a directory of the operator's own playbooks, loaded beside the built-in ones (the same id replaces a built-in)")
      .option('--auto-remediate [kinds]', 'diagnose and fix each new device incident (all kinds, or a comma list: egate,cctv)', parseAutoRemediate);
  },
  // Commander passes `true` for the flag alone: the parser only runs on a value.
  input: (_args: [], { demo, seed, speed, port, host, data, autoRemediate, sshKey, auditKey, auditCheckpoints, playbooks }: HubStartOptions): HubStartInput => ({
    demo, seed, speed, port, host, data, sshKey, auditKey, auditCheckpoints, playbooks,
    autoRemediate: autoRemediate === true ? 'all' : autoRemediate,
  }),
  async run(input, ctx): Promise<void> {
    const { startHub } = await ctx.deps.loadHub();
    const dataFile = input.data ?? join(ctx.deps.config.dir, 'hub.sqlite');
    // Only directories made here; an existing one keeps its mode (the hub warns if others may write it).
    mkdirSync(dirname(dataFile), { recursive: true, mode: 0o700 });
    const hub = await startHub({
      dataFile,
      host: input.host,
      port: input.port,
      demo: input.demo,
      seed: input.seed,
      speed: input.speed,
      log: (line) => ctx.info(line),
      ...(input.autoRemediate ? { autoRemediate: input.autoRemediate } : {}),
      ...(input.sshKey ? { sshKeyFile: input.sshKey } : {}),
      ...(input.auditKey ? { auditKeyFile: input.auditKey } : {}),
      ...(input.auditCheckpoints ? { auditCheckpointsFile: input.auditCheckpoints } : {}),
      ...(input.playbooks ? { playbooksDir: input.playbooks } : {}),
    });
    try {
      // The profile is written before the URL is emitted: a script that waits
      // for the URL can use the CLI at once.
      const profile = profileName(ctx.globals, ctx.deps.env, ctx.deps.config.read());
      if (hub.adminToken || hub.simUrl) {
        await saveHubProfile(ctx, profile, { ...(hub.adminToken ? { hub: hub.url, token: hub.adminToken } : {}), sim: hub.simUrl, simToken: hub.simToken });
      }
      if (hub.adminToken) ctx.info(`new data file ${hub.dataFile}: stored its admin token and URL in profile ${profile}`);
      if (hub.simUrl) ctx.info(`device emulator on ${hub.simUrl}: stored as sim${hub.simToken ? ', with its control token as simToken,' : ''} in profile ${profile} (for \`watchfloor sim …\`)`);
      ctx.emit({ url: hub.url } satisfies HubListening);
      await ctx.deps.waitForShutdown();
    } finally {
      await hub.close();
    }
  },
  present: {
    text: () => '',
    json: () => undefined,
    events: {
      text: (event: HubListening) => `hub listening on ${event.url}`,
      json: (event: HubListening) => ({ url: event.url }),
    },
  },
});
