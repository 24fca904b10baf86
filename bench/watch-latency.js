// Watch-mode latency: with `build --watch` running on a project, the time from saving one model to
// the first SQL statement of the pass it triggers. Prints {latencies: [ms...]} as JSON on the last line.
import { dist } from './dist-path.js';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

const [projectDir, model, saves = '3'] = process.argv.slice(2);
const { console: out } = await import(dist('console/console.js'));
const { watch } = await import(dist('watch/watch.js'));
let savedAt = 0;
let firstStatement = 0;
out.addFileSink((level, text) => {
  if (savedAt && !firstStatement && level === 'debug' && text.startsWith('[conn')) firstStatement = performance.now();
});
let passes = 0;
const w = watch('build', { projectDir, quiet: true, threads: 1, debounceMs: 30, onPass: () => passes++ });
await w.ready;
const latencies = [];
for (let i = 0; i < Number(saves); i++) {
  const before = passes;
  firstStatement = 0;
  savedAt = performance.now();
  appendFileSync(join(projectDir, model), `\n-- save ${i}\n`);
  while (passes === before) await new Promise((r) => setTimeout(r, 10));
  latencies.push(firstStatement - savedAt);
  savedAt = 0;
}
await w.close();
process.stdout.write(`\n${JSON.stringify({ latencies })}\n`);
process.exit(0);
