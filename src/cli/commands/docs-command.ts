// `tsdbt docs` (generate then serve), `tsdbt docs generate`, `tsdbt docs serve`.
import type { Command } from 'commander';
import { addCommon, toOptions, type RawFlags } from '../common-flags.js';
import { console as out } from '../../console/console.js';

type DocsFlags = RawFlags & { previewRows?: string; host?: string; port?: string; serve?: boolean };

async function generate(flags: DocsFlags): Promise<void> {
  // the docs code (markdown, layout, DuckDB) loads only for this command
  const { generateSite } = await import('../../api/docs.js');
  const r = await generateSite({ ...toOptions(flags), previewRows: flags.previewRows === undefined ? undefined : Number(flags.previewRows) });
  out.info(`Catalog written with ${r.relations} relations: ${r.targetDir}/catalog.json`);
  out.info(`Docs site written to ${r.indexPath} (opens from the file system too)`);
}

async function serve(flags: DocsFlags): Promise<void> {
  const { serveSite } = await import('../../api/docs.js');
  const server = await serveSite({ ...toOptions(flags), host: flags.host, port: flags.port === undefined ? undefined : Number(flags.port) });
  out.info(`Serving docs at ${server.url} (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => {
      void server.close();
      resolve();
    });
  });
}

export function registerDocsCommand(program: Command, setExit: (code: number) => void): void {
  const docs = addCommon(program.command('docs').description('generate the documentation site and serve it'))
    .option('--preview-rows <n>', 'rows of each model to embed (0 disables)')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--port <port>', 'port to serve on', '8080')
    .action(async (flags: DocsFlags) => {
      await generate(flags);
      await serve(flags);
      setExit(0);
    });
  addCommon(docs.command('generate').description('write catalog.json and the docs site to the target folder'))
    .option('--preview-rows <n>', 'rows of each model to embed (0 disables)')
    // `docs` declares the same flags: commander hands them to the parent, so merge both levels
    .action(async (_flags: DocsFlags, cmd: Command) => {
      await generate(cmd.optsWithGlobals<DocsFlags>());
      setExit(0);
    });
  addCommon(docs.command('serve').description('serve a generated docs site (never opens the database)'))
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--port <port>', 'port to serve on', '8080')
    .action(async (_flags: DocsFlags, cmd: Command) => {
      await serve(cmd.optsWithGlobals<DocsFlags>());
      setExit(0);
    });
}
