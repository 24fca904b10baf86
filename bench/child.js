// Runs one tsdbt CLI command in this process and prints its cost as JSON on the last line:
// wall time since the process started (module loading included), CPU time, and peak RSS.
import { cliEntry } from './dist-path.js';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
// the entry bin/tsdbt.js runs (the bundle), as a user's `tsdbt` command loads it
const { main } = await import(cliEntry());
const code = await main(args);
const ru = process.resourceUsage();
process.stdout.write(`\n${JSON.stringify({ code, wallMs: performance.now(), cpuMs: (ru.userCPUTime + ru.systemCPUTime) / 1000, maxRssMb: ru.maxRSS / 1024 })}\n`);
process.exit(0);
