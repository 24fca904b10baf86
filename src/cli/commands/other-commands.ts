// `compile`, `parse`, `ls`, `show`, `clean`, `debug`: the commands that do not build anything. Each action
// imports its API module when it runs, so a command loads only the code (and native modules) it uses.
import type { Command } from 'commander';
import { Option } from 'commander';
import { addCommon, addSelection, toOptions, type RawFlags } from '../common-flags.js';
import { console as out } from '../../console/console.js';
import type { ListOutput } from '../../api/list.js';

export function registerOtherCommands(program: Command, setExit: (code: number) => void): void {
  addSelection(addCommon(program.command('compile').description('render models, tests and analyses to SQL under target/compiled')))
    .option('--inline <sql>', 'compile this SQL instead of project nodes')
    .action(async (flags: RawFlags & { inline?: string }) => {
      const { compile } = await import('../../api/compile.js');
      const r = await compile({ ...toOptions(flags), inline: flags.inline });
      // as dbt: inline SQL, or a selection of one node, is printed; a larger selection lists its files
      const one = r.compiled.length === 1 && (flags.inline !== undefined || (flags.select ?? flags.models) !== undefined) ? r.compiled[0] : undefined;
      if (one) {
        out.info(flags.inline !== undefined ? 'Compiled inline node is:' : `Compiled node '${one.unique_id.split('.').pop()}' is:`);
        out.info(one.sql.trim());
        return setExit(0);
      }
      for (const c of r.compiled) out.info(c.path ?? c.unique_id);
      out.info(`Compiled ${r.compiled.length} node${r.compiled.length === 1 ? '' : 's'} into ${r.project.config.project.paths.targetPath}/compiled`);
      setExit(0);
    });

  addCommon(program.command('parse').description('parse the project and write target/manifest.json')).action(async (flags: RawFlags) => {
    const opts = toOptions(flags);
    // nothing changed since the last parse: its manifest.json stands, and the parser is not even loaded
    const { cachedParse } = await import('../../api/parse-cache.js');
    let s = cachedParse(opts);
    if (!s) {
      const [{ parse }, { summaryOf }] = await Promise.all([import('../../api/compile.js'), import('../../api/parse-inputs.js')]);
      s = summaryOf(parse(opts));
    }
    out.info(`Parsed ${s.nodes} nodes, ${s.sources} sources, ${s.macros} macros`);
    setExit(0);
  });

  for (const name of ['ls', 'list']) {
    addSelection(addCommon(program.command(name).description('list the nodes a selection picks')))
      .addOption(new Option('--output <format>', 'what to print per node').choices(['selector', 'name', 'path', 'json']).default('selector'))
      .option('--output-keys <keys...>', 'keys of the json output')
      .option('--resource-type <type...>', 'only these resource types (model, seed, test, snapshot, source, analysis)')
      .action(async (flags: RawFlags & { output: ListOutput; outputKeys?: string[]; resourceType?: string[] }) => {
        const { list } = await import('../../api/list.js');
        for (const l of list({ ...toOptions(flags), output: flags.output, outputKeys: flags.outputKeys, resourceTypes: flags.resourceType })) out.info(l);
        setExit(0);
      });
  }

  addSelection(addCommon(program.command('show').description("print the first rows of a model or of inline SQL")))
    .option('--inline <sql>', 'SQL to run (ref() and source() work)')
    .option('--limit <n>', 'rows to show', '5')
    .action(async (flags: RawFlags & { inline?: string; limit: string }) => {
      const { show, formatTable } = await import('../../api/show.js');
      const r = await show({ ...toOptions(flags), inline: flags.inline, limit: Number(flags.limit) });
      out.info(`Previewing ${flags.inline !== undefined ? 'inline node' : `node '${r.node.split('.').pop()}'`}:`);
      out.info(formatTable(r.result));
      setExit(0);
    });

  addCommon(program.command('clean').description('delete the clean-targets folders (target/ by default)')).action(async (flags: RawFlags) => {
    const { clean } = await import('../../api/maintenance.js');
    for (const t of clean(toOptions(flags))) out.info(`Cleaned ${t}/`);
    out.info('Finished cleaning all paths.');
    setExit(0);
  });

  addCommon(program.command('debug').description('check the project, profile and database connection')).action(async (flags: RawFlags) => {
    const { debug } = await import('../../api/maintenance.js');
    const r = await debug(toOptions(flags));
    for (const l of r.lines) out.info(l);
    setExit(r.ok ? 0 : 1);
  });
}
