// Builds a project once with tsdbt and writes every SQL statement it sent, in order, to a JSON file:
// the floor benchmark replays exactly these statements without the framework.
import { dist } from './dist-path.js';
import { writeFileSync } from 'node:fs';

const [projectDir, outFile] = process.argv.slice(2);
const { console: out } = await import(dist('console/console.js'));
const { main } = await import(dist('cli/main.js'));
const statements = [];
out.addFileSink((level, text) => {
  const m = /^\[conn \d+\] sql \([\d.]+ ms\): ([\s\S]*)$/.exec(text);
  if (level === 'debug' && m) statements.push(m[1]);
});
const code = await main(['build', '--threads', '1', '--project-dir', projectDir]);
writeFileSync(outFile, JSON.stringify(statements));
process.stdout.write(`\n${JSON.stringify({ code, statements: statements.length })}\n`);
process.exit(0);
