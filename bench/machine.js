// The header of RESULTS.md: when and on what the benchmarks ran, and how busy the machine was.
import os from 'node:os';

export function machineLines(runs) {
  const cpus = os.cpus();
  return [
    `Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${os.type()} ${os.release()}.`,
    '',
    `Machine: ${cpus.length} x ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM; load average at start ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} (the machine is shared: wall times vary with other work, CPU times less so).`,
    '',
    `Every figure is the median of ${runs} runs in fresh processes (BENCH_RUNS to change).`,
  ];
}
