// The floor: the statements tsdbt sent (from capture.js) run one by one on one DuckDB connection,
// with no framework around them. Prints the wall time in ms as JSON on the last line, counted from
// process start like the tsdbt runs it is compared with (child.js): Node and DuckDB's module load too.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const [dbFile, statementsFile] = process.argv.slice(2);
const statements = JSON.parse(readFileSync(statementsFile, 'utf8'));
// the catalog is named after the file: keep tsdbt's file name, in another folder
mkdirSync(dirname(dbFile), { recursive: true });
rmSync(dbFile, { force: true });
rmSync(`${dbFile}.wal`, { force: true });
const t0 = performance.now();
const inst = await DuckDBInstance.create(dbFile);
const conn = await inst.connect();
for (const sql of statements) await conn.run(sql);
conn.closeSync();
inst.closeSync();
process.stdout.write(`\n${JSON.stringify({ wallMs: performance.now(), statementsMs: performance.now() - t0, statements: statements.length })}\n`);
