// Writes a CSV seed of `rows` rows (id, name, amount, created_at) for the seed-loading benchmark.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeSeedCsv(path, rows) {
  mkdirSync(dirname(path), { recursive: true });
  const parts = ['id,name,amount,created_at\n'];
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    chunk += `${i},customer_${i % 5000},${(i % 1000) / 10},2025-01-${day} 10:${String(i % 60).padStart(2, '0')}:00\n`;
    if (chunk.length > 1 << 20) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  writeFileSync(path, parts.join(''));
}
