// `hub start`: run the hub in this process until SIGINT/SIGTERM.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { action, type CommandContext } from '../context.js';
import { profileName } from '../config/connection.js';
import type { Deps } from '../deps.js';
import { integerOption, positiveNumberOption } from '../options.js';
import { parseAutoRemediate, type AutoRemediateKinds } from './auto-remediate.js';
import { saveHubProfile } from './profile.js';

export interface HubStartOptions {
  demo: boolean;
  seed: number | undefined;
  speed: number | undefined;
  port: number | undefined;
  host: string | undefined;
  data: string | undefined;
  autoRemediate: AutoRemediateKinds | undefined;
  sshKey: string | undefined;
}

export async function runHubStart(options: HubStartOptions, ctx: CommandContext): Promise<void> {
  const { startHub } = await ctx.deps.loadHub();
  const dataFile = options.data ?? join(ctx.deps.config.dir, 'hub.sqlite');
  mkdirSync(dirname(dataFile), { recursive: true });
  const hub = await startHub({
    dataFile,
    host: options.host,
    port: options.port,
    demo: options.demo,
    seed: options.seed,
    speed: options.speed,
    log: (line) => ctx.info(line),
    ...(options.autoRemediate ? { autoRemediate: options.autoRemediate } : {}),
    ...(options.sshKey ? { sshKeyFile: options.sshKey } : {}),
  });
  try {
    // The profile is written before the URL is printed: a script that waits
    // for the URL can use the CLI at once.
    const profile = profileName(ctx.globals, ctx.deps.env, ctx.deps.config.read());
    if (hub.adminToken || hub.simUrl) {
      await saveHubProfile(ctx, profile, { ...(hub.adminToken ? { hub: hub.url, token: hub.adminToken } : {}), sim: hub.simUrl });
    }
    if (hub.adminToken) ctx.info(`new data file ${hub.dataFile}: stored its admin token and URL in profile ${profile}`);
    if (hub.simUrl) ctx.info(`device emulator on ${hub.simUrl}: stored as sim in profile ${profile} (for \`watchfloor sim …\`)`);
    if (ctx.globals.json) ctx.printJson({ url: hub.url });
    else ctx.print(`hub listening on ${hub.url}`);
    await ctx.deps.waitForShutdown();
  } finally {
    await hub.close();
  }
}

export function registerHubStart(hub: Command, deps: Deps): void {
  hub
    .command('start')
    .description('run the hub here until Ctrl-C')
    .option('--demo', 'seed the 103-site demo fleet and run the simulator', false)
    .option('--seed <n>', 'simulator seed', integerOption(0))
    .option('--speed <x>', 'simulated seconds per real second', positiveNumberOption)
    .option('--port <port>', 'port to listen on (0: any free port)', integerOption(0, 65535))
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option('--data <file>', 'SQLite data file (default <config dir>/hub.sqlite)')
    .option('--ssh-key <file>', 'private key for site servers managed over ssh:// (read once at start)')
    .option('--auto-remediate [kinds]', 'diagnose and fix each new device incident (all kinds, or a comma list: egate,cctv)', parseAutoRemediate)
    .action(
      action(deps, async (ctx, options: Omit<HubStartOptions, 'autoRemediate'> & { autoRemediate?: AutoRemediateKinds | true }) => {
        // Commander passes `true` for the flag alone: the parser only runs on a value.
        const autoRemediate = options.autoRemediate === true ? 'all' : options.autoRemediate;
        await runHubStart({ ...options, autoRemediate }, ctx);
      }),
    );
}
