// Bundles the CLI into dist/ with esbuild. Start-up time is part of the
// product: the hot-path packages (commander, chalk, cli-table3, the parts of
// undici we use) are bundled and minified so `watchfloor status` parses one
// file; everything else (the hub's fastify, better-sqlite3, zod, …) stays
// external and loads only in the chunks that import it, via dynamic import().
import { build } from 'esbuild';
import { readFile, rm, writeFile } from 'node:fs/promises';

const BUNDLED = [/^commander(\/|$)/, /^chalk(\/|$)/, /^cli-table3(\/|$)/, /^undici\/lib\//, /^string-width/, /^strip-ansi/, /^ansi-regex/, /^emoji-regex/, /^is-fullwidth-code-point/, /^@colors\/colors/];

/** Packages outside `bundled` stay external: loaded from node_modules when an import() reaches them. */
const externalUnless = (bundled) => ({
  name: 'external-unless-hot-path',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { external: true };
      // Only imports written in our own sources decide; a bundled package's
      // own requires are bundled with it.
      if (args.importer.includes('/node_modules/')) return undefined;
      return bundled.some((re) => re.test(args.path)) ? undefined : { external: true };
    });
  },
});

// The read bundle hands every other command to the full one, which it must
// import as the built file beside it, not bundle a second time.
const FULL_BUNDLE_EXTERNAL = {
  name: 'full-bundle-external',
  setup(b) {
    b.onResolve({ filter: /^\.\/main\.js$/ }, (args) => (args.importer.endsWith('read-main.ts') ? { path: './main.js', external: true } : undefined));
  },
};

// Two parts of undici the CLI never uses but would pay for at every start:
// the HTTP/2 client (its top-level require of node:http2 alone costs ~15 ms;
// the hub speaks HTTP/1.1 and we never set allowH2) and the SIMD build of
// the HTTP parser (undici falls back to the plain build, which is as fast
// for a few small responses).
const UNUSED_UNDICI_PARTS = {
  name: 'stub-unused-undici-parts',
  setup(b) {
    b.onLoad({ filter: /undici[\\/]lib[\\/]dispatcher[\\/]client-h2\.js$/ }, () => ({
      contents: "module.exports = function connectH2() { throw new Error('watchfloor does not use HTTP/2'); };",
      loader: 'js',
    }));
    b.onLoad({ filter: /undici[\\/]lib[\\/]llhttp[\\/]llhttp_simd-wasm\.js$/ }, () => ({
      contents: "throw new Error('SIMD parser left out of the watchfloor bundle');",
      loader: 'js',
    }));
  },
};

const COMMON = {
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // WF_BUILD_NO_MINIFY=1 keeps names and one module per commented block, for reading a CPU profile.
  minify: process.env.WF_BUILD_NO_MINIFY !== "1",
  sourcemap: 'linked',
  metafile: false,
  logLevel: 'warning',
  // Bundled CommonJS packages call require(); give ESM output one.
  banner: { js: "import{createRequire as __wfRequire}from'node:module';const require=__wfRequire(import.meta.url);" },
};

// The read bundle never opens a stream (read-words.ts hands `--watch` to
// the full bundle), so the undici side of the hub connection stays out of it:
// ~200 KB less to parse at every start.
const STREAMS_IN_FULL_BUNDLE = {
  name: 'streams-in-full-bundle',
  setup(b) {
    b.onLoad({ filter: /src[\\/]core[\\/]client[\\/]undici-hub\.ts$/ }, () => ({
      contents: "export class UndiciHub { constructor() { throw new Error('streams are served by the full bundle (dist/main.js), not the read bundle'); } }",
      loader: 'js',
    }));
  },
};

// commander requires node:child_process when it loads, for subcommands that
// are separate executables; watchfloor has none. In the read bundle that
// require() is deferred to first use, so a read command does not load
// child_process (and dgram, pipes, …) at every start.
const CHILD_PROCESS_ON_USE = {
  name: 'child-process-on-use',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) => (args.importer.includes(`${'/'}commander${'/'}`) ? { path: 'child_process-on-use', namespace: 'on-use' } : undefined));
    b.onLoad({ filter: /^child_process-on-use$/, namespace: 'on-use' }, () => ({
      contents: "let m; module.exports = new Proxy({}, { get: (_, key) => (m ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

// Packages only a terminal's output needs, required on first use instead of
// when the renderers load: piped output and --json never build a table or a
// colour style, and each package's own start-up (cli-table3 with
// @colors/colors and string-width; chalk with its colour detection) is a
// measurable part of `watchfloor status --json`. Each shim stands in for the
// package for its one importer in our sources and requires the package the
// first time it is called: from the bundle itself (the full bundle), or from
// dist/terminal.cjs beside it (the read bundle, so it does not even parse them).
const ON_FIRST_USE = [
  { pkg: 'cli-table3', importer: `render${'/'}table.ts`, shim: (from) => `let T; module.exports = function Table(options) { return new (T ??= ${from.Table})(options); };` },
  { pkg: 'chalk', importer: `render${'/'}style.ts`, shim: (from) => `let C; exports.Chalk = function Chalk(options) { return new (C ??= ${from.Chalk})(options); };` },
];
const BUNDLED_PACKAGES = { Table: "require('cli-table3')", Chalk: "require('chalk').Chalk" };
const TERMINAL_FILE = { Table: "require('./terminal.cjs').Table", Chalk: "require('./terminal.cjs').Chalk" };
const packagesOnFirstUse = (from) => ({
  name: 'packages-on-first-use',
  setup(b) {
    for (const { pkg, importer, shim } of ON_FIRST_USE) {
      b.onResolve({ filter: new RegExp(`^${pkg}$`) }, (args) => (args.importer.endsWith(importer) ? { path: `${pkg}-on-first-use`, namespace: 'on-use' } : undefined));
      b.onLoad({ filter: new RegExp(`^${pkg}-on-first-use$`), namespace: 'on-use' }, () => ({ contents: shim(from), loader: 'js', resolveDir: process.cwd() }));
    }
    b.onResolve({ filter: /^\.\/terminal\.cjs$/ }, () => ({ path: './terminal.cjs', external: true }));
  },
});

// The CommonJS files beside the full bundle (the read bundle, its loader, its
// terminal packages): no ESM require() banner, and `import.meta.url` made
// from __filename.
const COMMONJS = {
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  banner: {},
  inject: ['scripts/import-meta-url.cjs.js'],
  define: { 'import.meta.url': 'importMetaUrl' },
};

await rm('dist', { recursive: true, force: true });
// Every command: chunks shared between entry points, each loaded by import()
// only where a command needs it.
await build({
  ...COMMON,
  // The alert journal's applier runs in a worker thread from a script of its own (src/hub/incidents/journal-worker-client.ts).
  entryPoints: { main: 'src/main.ts', 'journal-worker': 'src/hub/incidents/journal-worker.ts' },
  splitting: true,
  plugins: [packagesOnFirstUse(BUNDLED_PACKAGES), externalUnless(BUNDLED), UNUSED_UNDICI_PARTS],
});
// The read commands and --version in one file (src/read-main.ts). Its code is
// its own copy: no object crosses into the full bundle, which takes the words
// whole. undici stays out — only a stream would load it, and streams (`--watch`)
// go to the full bundle.
//
// CommonJS, because an ES module's imports are all linked before any of it
// runs: bundled into one ES file, every `node:http`, `node:tty`, … a read
// command might need would load for `--version` too. As CommonJS each
// require() runs where the module that needs it first runs. import() of the
// full bundle and of packages stays import() (Node runs it in CommonJS too).
await build({
  ...COMMON,
  ...COMMONJS,
  entryPoints: { read: 'src/read-main.ts' },
  splitting: false,
  // At the end, so "use strict" stays the file's first statement; the var is
  // hoisted, and nothing calls import() before the file has run to here.
  footer: { js: 'var __wfIm=typeof __wfIm=="function"?__wfIm:(s)=>import(s);' },
  plugins: [FULL_BUNDLE_EXTERNAL, STREAMS_IN_FULL_BUNDLE, CHILD_PROCESS_ON_USE, packagesOnFirstUse(TERMINAL_FILE), externalUnless(BUNDLED)],
});
// Code run by vm.Script cannot call import() on Node 20 (src/code-cache.ts
// loads the read bundle that way, for V8's code cache): each import("…") the
// bundle keeps becomes __wfIm("…") — the same length, so the source map still
// fits — which the loader passes in; required plainly, the footer's fallback
// is the real import().
const READ_FILE = 'dist/read.cjs';
const readCode = await readFile(READ_FILE, 'utf8');
const rewritten = readCode.replace(/\bimport\((?=["'])/g, '__wfIm(');
if (/\bimport\(\s*["'`]/.test(rewritten) || rewritten === readCode) throw new Error(`${READ_FILE}: expected import("…") calls to rewrite, and none left after`);
await writeFile(READ_FILE, rewritten);
// The loader bin/watchfloor.js runs the read bundle with.
await build({ ...COMMON, ...COMMONJS, entryPoints: { 'code-cache': 'src/code-cache.ts' }, plugins: [externalUnless(BUNDLED)] });
// The read bundle's terminal packages (src/render/terminal-packages.ts).
await build({ ...COMMON, ...COMMONJS, entryPoints: { terminal: 'src/render/terminal-packages.ts' }, plugins: [externalUnless(BUNDLED)] });
