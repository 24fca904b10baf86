// `{% docs name %}...{% enddocs %}` blocks from .md files (root project and packages) go into
// manifest.docs, and descriptions that use `{{ doc('name') }}` are rendered as dbt renders them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParseHookArgs } from '../parser/parse-hooks.js';
import type { ColumnInfo, Manifest } from '../parser/types.js';
import { findFiles } from '../parser/discover.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { didYouMean } from '../errors/suggest.js';
import { templateError } from '../templating/template-errors.js';
import { splitArgs } from '../templating/jinja-args.js';
import { loadPackages } from './package-set.js';

const BLOCK = /\{%-?\s*docs\s+(\w+)\s*-?%\}([\s\S]*?)\{%-?\s*enddocs\s*-?%\}/g;

function lineAt(text: string, i: number): number {
  return text.slice(0, i).split('\n').length;
}

export function readDocBlocks(manifest: Manifest, root: string, dirs: string[], pkg: string, display: string, errors: TsdbtError[]): void {
  for (const f of findFiles(root, dirs, ['.md'])) {
    const text = readFileSync(f.abs, 'utf8');
    for (const m of text.matchAll(BLOCK)) {
      const id = `doc.${pkg}.${m[1]}`;
      const file = display ? `${display}/${f.projectPath}` : f.projectPath;
      const prev = manifest.docs[id];
      if (prev) {
        errors.push(new TsdbtError('P005', `two docs blocks are named '${m[1]}': ${prev.original_file_path} and ${f.projectPath}`, { location: { file, line: lineAt(text, m.index ?? 0) }, hint: 'rename one of the {% docs %} blocks' }));
        continue;
      }
      const doc = { name: m[1], block_contents: m[2].trim(), original_file_path: f.projectPath, unique_id: id, package_name: pkg, path: f.resourcePath, resource_type: 'doc' };
      manifest.docs[id] = doc;
    }
  }
}

function lineOf(abs: string, needle: string): number | undefined {
  try {
    const text = readFileSync(abs, 'utf8');
    const i = text.indexOf(needle);
    return i < 0 ? undefined : lineAt(text, i);
  } catch {
    return undefined;
  }
}

/** Parse hook: read docs blocks, then render every description holding Jinja. */
export function docsHook(a: ParseHookArgs): void {
  const { ctx, manifest, root, errors } = a;
  const project = ctx.config.project;
  readDocBlocks(manifest, root, project.paths.docsPaths, project.name, '', errors);
  for (const p of loadPackages(ctx.config).packages) readDocBlocks(manifest, p.root, p.project.paths.docsPaths, p.name, p.display, errors);
  const docs = Object.values(manifest.docs);
  const render = (text: string, pkg: string, file: string, owner: string): string => {
    if (!text.includes('{{') && !text.includes('{%')) return text;
    const doc = (...args: unknown[]) => {
      const pos = splitArgs(args).positional.map(String);
      const [p, name] = pos.length > 1 ? [pos[0], pos[1]] : [null, pos[0]];
      const hit = p ? manifest.docs[`doc.${p}.${name}`] : (manifest.docs[`doc.${pkg}.${name}`] ?? manifest.docs[`doc.${project.name}.${name}`] ?? docs.find((d) => d.name === name));
      if (!hit) {
        throw new TsdbtError('P001', `the description of ${owner} uses doc('${p ? `${p}', '` : ''}${name}'), which was not found`, {
          location: { file },
          hint: didYouMean(name, docs.map((d) => d.name)) ?? `define it in a .md file: {% docs ${name} %}...{% enddocs %}`,
        });
      }
      return hit.block_contents;
    };
    try {
      return ctx.engine.compile(text, file).render(Object.assign(Object.create(ctx.base) as Record<string, unknown>, { doc }));
    } catch (e) {
      const err = e instanceof TsdbtError ? e : templateError(e, file);
      // the line inside the description is not the line in the file: find the call in the file
      errors.push(new TsdbtError(err.code, err.message, { location: { file, line: lineOf(join(root, file), text.trim().slice(0, 40)) }, hint: err.hint }));
      return text;
    }
  };
  const columns = (cols: Record<string, ColumnInfo>, pkg: string, file: string, owner: string) => {
    for (const c of Object.values(cols)) c.description = render(c.description, pkg, file, `${owner} column '${c.name}'`);
  };
  for (const n of Object.values(manifest.nodes)) {
    const file = n.patch_path ?? n.original_file_path;
    n.description = render(n.description, n.package_name, file, `${n.resource_type} '${n.name}'`);
    columns(n.columns, n.package_name, file, `${n.resource_type} '${n.name}'`);
  }
  for (const s of Object.values(manifest.sources)) {
    const owner = `source '${s.source_name}.${s.name}'`;
    s.description = render(s.description, s.package_name, s.original_file_path, owner);
    s.source_description = render(s.source_description, s.package_name, s.original_file_path, owner);
    columns(s.columns, s.package_name, s.original_file_path, owner);
  }
}
