// The CLI's profiles. Reads parse config.json with node:fs (loading `conf`
// costs start-up time on every command); writes go through `conf`, loaded
// only then, so the file stays in the format conf owns and gets mode 0600.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../core/errors.js';

// sim, simToken: the device emulator's base URL and its control token, stored at each demo start (`sim …` commands use them).
// slack*/teams*: the chat bot's credentials (`watchfloor bot`; the environment overrides them).
export const CONFIG_KEYS = [
  'hub',
  'token',
  'ca',
  'sim',
  'simToken',
  'slackBotToken',
  'slackSigningSecret',
  'slackAppToken',
  'teamsAppId',
  'teamsAppPassword',
  'teamsTenantId',
] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];

/** Settings shown masked wherever the CLI prints them. */
export const SECRET_CONFIG_KEYS: ReadonlySet<ConfigKey> = new Set(['token', 'simToken', 'slackBotToken', 'slackSigningSecret', 'slackAppToken', 'teamsAppPassword']);

export type Profile = Partial<Record<ConfigKey, string>>;

export interface ConfigFile {
  activeProfile?: string;
  profiles?: Record<string, Profile>;
}

export interface ConfigStore {
  readonly dir: string;
  read(): ConfigFile;
  /** Apply `change` to the stored config and save it (mode 0600). */
  update(change: (config: ConfigFile) => ConfigFile): Promise<void>;
}

export const CONFIG_FILE_NAME = 'config.json';

/**
 * Where conf would put the config for projectName 'watchfloor' (env-paths
 * with conf's "nodejs" suffix), unless WATCHFLOOR_CONFIG_DIR says otherwise.
 */
export function configDirFor(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform, home = homedir()): string {
  if (env.WATCHFLOOR_CONFIG_DIR) return env.WATCHFLOOR_CONFIG_DIR;
  const name = 'watchfloor-nodejs';
  if (platform === 'darwin') return join(home, 'Library', 'Preferences', name);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), name, 'Config');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), name);
}

export function createConfigStore(dir: string): ConfigStore {
  let cached: ConfigFile | undefined;
  const path = join(dir, CONFIG_FILE_NAME);
  return {
    dir,
    read() {
      cached ??= readConfigFile(path);
      return cached;
    },
    async update(change) {
      const { default: Conf } = await import('conf');
      const conf = new Conf<ConfigFile>({ cwd: dir, configFileMode: 0o600, projectName: 'watchfloor' });
      const next = change(structuredClone(conf.store));
      conf.store = next;
      cached = next;
    },
  };
}

function readConfigFile(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ConfigError(`cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as ConfigFile) : {};
  } catch (e) {
    throw new ConfigError(`${path} is not valid JSON`, {
      hint: 'fix or delete it; `watchfloor config set` writes a fresh one',
      cause: e,
    });
  }
}
