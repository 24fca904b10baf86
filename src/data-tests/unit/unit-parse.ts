// Parse hook for dbt 1.8 unit tests (`unit_tests:` in property files): checks the model and each
// `given` input against the model's real upstreams, reads the fixtures, and adds a unit_test node.
import type { ParseHookArgs } from '../../parser/parse-hooks.js';
import type { ManifestNode, SourceLocation } from '../../parser/types.js';
import type { UnitTestEntry } from '../../config/types.js';
import { TsdbtError } from '../../errors/tsdbt-error.js';
import { closest, didYouMean } from '../../errors/suggest.js';
import { locateWords, yamlLines } from '../yaml-lines.js';
import { readFixture } from './fixtures.js';
import { collectParseError } from '../parse-errors.js';
import { describeInput, parseInput, setUnitSpec, type UnitInput } from './unit-spec.js';

/** The line of `input: <input>` in the unit test (quotes and spaces ignored), else of `given:`. */
function inputLine(root: string, from: SourceLocation, input: string): SourceLocation {
  const norm = (x: string) => x.replace(/\s+/g, '').replace(/"/g, "'");
  const want = norm(input);
  const lines = yamlLines(root, from.file);
  for (let i = (from.line ?? 1) - 1; i < lines.length; i++) {
    const m = /^(\s*-?\s*)input\s*:(.*)$/.exec(lines[i]);
    if (m && norm(m[2]).includes(want)) return { file: from.file, line: i + 1, column: m[1].length + 1 };
  }
  return locateWords(root, from, ['given']);
}

export function addUnitTests(a: ParseHookArgs): void {
  const { ctx, manifest, properties, root, errors } = a;
  if (!properties.unitTests.length) return;
  const project = ctx.config.project;
  const models = new Map<string, ManifestNode>();
  for (const n of Object.values(manifest.nodes)) if (n.resource_type === 'model') models.set(n.name, n);
  for (const u of properties.unitTests) {
    collectParseError(errors, () => {
      const node = makeUnitTest(a, u, models);
      if (node) manifest.nodes[node.unique_id] = node;
    });
  }

  function makeUnitTest(_a: ParseHookArgs, u: UnitTestEntry, byName: Map<string, ManifestNode>): ManifestNode | null {
    const what = `unit test \`${u.name}\``;
    const model = byName.get(u.model);
    if (!model) {
      if (manifest.disabled[u.model]) return null;
      throw new TsdbtError('T001', `${what} tests model \`${u.model}\`, which does not exist`, {
        location: locateWords(root, u.location, ['model']),
        hint: didYouMean(u.model, byName.keys()) ?? 'set `model:` to the name of a model in this project',
      });
    }
    const upstream = new Map<string, string | null>();
    for (const r of model.refs) upstream.set(`ref('${r.name}')`, [...byName.values()].find((m) => m.name === r.name)?.unique_id ?? Object.values(manifest.nodes).find((n) => n.name === r.name)?.unique_id ?? null);
    for (const [s, t] of model.sources) upstream.set(`source('${s}', '${t}')`, `source.${manifest.project_name}.${s}.${t}`);
    upstream.set('this', model.unique_id);
    const inputs: UnitInput[] = u.given.map((g) => {
      const key = parseInput(g.input);
      const where = inputLine(root, u.location, g.input);
      const text = key ? describeInput(key) : g.input;
      if (!key || !upstream.has(text)) {
        const names = [...upstream.keys()].filter((k) => k !== 'this');
        const near = closest(g.input, names, 1);
        throw new TsdbtError('T001', `${what}: input \`${g.input}\` is not an upstream of model \`${model.name}\``, {
          location: where,
          hint: near.length ? `did you mean \`${near[0]}\`? (the model reads ${names.join(', ') || 'nothing'})` : `the model reads ${names.join(', ') || 'no ref() or source()'}`,
        });
      }
      return { key, upstreamId: upstream.get(text) ?? null, where, fixture: readFixture(g, root, project.paths.testPaths, where, `${what}, input ${g.input}`) };
    });
    const expect = readFixture(u.expect, root, project.paths.testPaths, locateWords(root, u.location, ['expect']), `${what}, expect`);
    const cfg = u.config ?? {};
    const node: ManifestNode = {
      unique_id: `unit_test.${project.name}.${model.name}.${u.name}`,
      resource_type: 'unit_test',
      package_name: project.name,
      name: u.name,
      path: u.location.file.split('/').slice(1).join('/'),
      original_file_path: u.location.file,
      fqn: [...model.fqn.slice(0, -1), model.name, u.name],
      alias: u.name,
      schema: model.schema,
      database: model.database,
      raw_code: '',
      language: 'sql',
      checksum: { name: 'sha256', checksum: '' },
      config: { enabled: cfg.enabled !== false, materialized: 'unit', tags: ([] as string[]).concat((cfg.tags as string[] | string | undefined) ?? []), meta: (cfg.meta as Record<string, unknown>) ?? {}, pre_hook: [], post_hook: [] },
      tags: ([] as string[]).concat((cfg.tags as string[] | string | undefined) ?? []),
      description: u.description ?? '',
      columns: {},
      meta: {},
      refs: [{ name: model.name, package: null, version: null }],
      sources: [],
      depends_on: { nodes: [], macros: [] },
      relation_name: null,
      patch_path: null,
      model: model.name,
      given: u.given,
      expect: u.expect,
      overrides: u.overrides ?? null,
    };
    setUnitSpec(node, { entry: u, modelId: model.unique_id, inputs, expect, location: u.location });
    return node.config.enabled ? node : null;
  }
}
