// `npm run build`, second step: bundles the compiled CLI (dist/cli/main.js) and its pure-JavaScript
// dependencies into dist/bundle/. Node loads one file per module, and resolving and compiling ~500 small
// ES modules (tsdbt's own, zod's, yaml's) was half of the start of every command (~0.15 s of ~0.3 s).
// DuckDB's native package and what only some commands load stay outside; commands loaded on first use
// stay separate chunks. bin/tsdbt.js runs the bundle when it is newer than dist/cli/main.js.
// The bundle only makes tsdbt start sooner: where it cannot be made (rollup has no native build for the
// platform), the install goes on without it and tsdbt runs from dist/ (test/reliability/bundle.test.ts
// fails instead, so CI notices).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// `--dist DIR` bundles another compiled copy (the tests bundle a private one)
const flag = process.argv.indexOf('--dist');
const dist = flag > 0 ? process.argv[flag + 1] : fileURLToPath(new URL('../dist', import.meta.url));
const out = join(dist, 'bundle');
// native code (DuckDB, the file watcher's fsevents), files read from disk (dagre.min.js for the docs
// site) and packages only the docs site or browser tests use
const EXTERNAL = ['@duckdb/node-api', 'chokidar', 'elkjs', '@dagrejs/dagre', 'marked', 'playwright-core'];
// warnings about code that is right as it is: circular imports between modules, `this` at a CommonJS
// module's top level, eval in nunjucks' compiler
const QUIET = new Set(['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED', 'EVAL', 'INVALID_ANNOTATION']);

const started = Date.now();
rmSync(out, { recursive: true, force: true });
try {
  const [{ rollup }, { nodeResolve }, { default: commonjs }] = await Promise.all([import('rollup'), import('@rollup/plugin-node-resolve'), import('@rollup/plugin-commonjs')]);
  const bundle = await rollup({
    input: { tsdbt: join(dist, 'cli', 'main.js') },
    external: (id) => id.startsWith('node:') || EXTERNAL.some((e) => id === e || id.startsWith(`${e}/`)),
    plugins: [nodeResolve({ preferBuiltins: true }), commonjs({ ignoreDynamicRequires: true })],
    onwarn(warning, warn) {
      if (!QUIET.has(warning.code ?? '')) warn(warning);
    },
  });
  await bundle.write({ dir: out, format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' });
  await bundle.close();
  console.log(`bundled ${join(dist, 'cli', 'main.js')} into ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (e) {
  rmSync(out, { recursive: true, force: true });
  console.warn(`warning: could not bundle the CLI (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); tsdbt runs from dist/ (it starts ~0.15 s slower)`);
}
