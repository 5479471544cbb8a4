// The entry bin/watchfloor.js loads first: a bundle of its own, one file
// with no chunks (scripts/build.mjs), holding only what the read commands and
// `--version` need. Node's ESM loader pays per module (resolve, stat, read,
// compile, link), and the full bundle's read path is ~30 chunks: a command a
// duty officer types hundreds of times a shift should start in one. Anything
// else is handed, words untouched, to the full bundle (src/main.ts).
//
// Only the router below runs when the file loads; each path's modules are
// import()ed, which in a bundle without chunks is a function call, so
// `--version` never runs commander's or the renderers' module code.
import type { Loaders } from './commands/real-deps.js';
import { isVersionOnly, servesAlone } from './commands/read-words.js';

// The read commands load no room (hub, terminal UI, bots, emulator, playbook
// files); were one asked for, the full bundle is the one that has it.
const notHere = (room: string) => () => Promise.reject(new Error(`${room} is not part of the read bundle; run through dist/main.js`));
const NO_ROOMS: Loaders = {
  loadHub: notHere('the hub'),
  loadWatchUi: notHere('the watch UI'),
  loadChatBots: notHere('the chat bots'),
  loadSimControl: notHere('the emulator control'),
  loadPlaybookFiles: notHere('the playbook loader'),
};

export async function runCli(argv: string[]): Promise<number> {
  if (!servesAlone(argv)) return (await import('./main.js')).runCli(argv);
  if (isVersionOnly(argv)) {
    const { watchfloorVersion } = await import('./core/version.js');
    process.stdout.write(`${watchfloorVersion()}\n`);
    return 0; // EXIT.ok, without loading the errors module for it
  }
  const [{ createProcessDeps }, { programAlone }, { runProgram }] = await Promise.all([
    import('./commands/real-deps.js'),
    import('./commands/read-commands.js'),
    import('./commands/runner.js'),
  ]);
  return runProgram(argv, createProcessDeps(NO_ROOMS), programAlone);
}
