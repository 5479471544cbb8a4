// Bundles the CLI into dist/ with esbuild. Start-up time is part of the
// product: the hot-path packages (commander, chalk, cli-table3, the parts of
// undici we use) are bundled and minified so `watchfloor status` parses one
// file; everything else (the hub's fastify, better-sqlite3, zod, …) stays
// external and loads only in the chunks that import it, via dynamic import().
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

const BUNDLED = [/^commander(\/|$)/, /^chalk(\/|$)/, /^cli-table3(\/|$)/, /^undici\/lib\//, /^string-width/, /^strip-ansi/, /^ansi-regex/, /^emoji-regex/, /^is-fullwidth-code-point/, /^@colors\/colors/];

const externalUnlessHotPath = {
  name: 'external-unless-hot-path',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { external: true };
      // Only imports written in our own sources decide; a bundled package's
      // own requires are bundled with it.
      if (args.importer.includes('/node_modules/')) return undefined;
      return BUNDLED.some((re) => re.test(args.path)) ? undefined : { external: true };
    });
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

await rm('dist', { recursive: true, force: true });
await build({
  // The alert journal's applier runs in a worker thread from a script of its own (src/hub/incidents/journal-worker-client.ts).
  entryPoints: { main: 'src/main.ts', 'journal-worker': 'src/hub/incidents/journal-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  metafile: false,
  logLevel: 'warning',
  plugins: [externalUnlessHotPath, UNUSED_UNDICI_PARTS],
  // Bundled CommonJS packages call require(); give ESM output one.
  banner: { js: "import{createRequire as __wfRequire}from'node:module';const require=__wfRequire(import.meta.url);" },
});
