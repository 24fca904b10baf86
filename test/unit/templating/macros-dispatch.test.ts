// Macros on the engine: *args/**kwargs, implicit varargs/kwargs, return() from nested control flow,
// caller(), errors that remember the macro's file:line, and adapter.dispatch's search order.
import { describe, expect, it } from 'vitest';
import { engineWith, render } from './helpers.js';
import { resolveDispatch } from '../../../src/templating/dispatch.js';
import { macroLocationOf, ReturnSignal } from '../../../src/templating/signals.js';
import { TsdbtError } from '../../../src/errors/tsdbt-error.js';
import { toAgate } from '../../../src/compiler/agate-table.js';
import { baseContext } from '../../../src/templating/base-context.js';

const RETURN = {
  return: (v: unknown) => {
    throw new ReturnSignal(v);
  },
};

describe('macros', () => {
  it('binds *args and **kwargs in signatures and spreads them in calls', () => {
    const engine = engineWith({
      'macros/a.sql': `{% macro sig(a, b=2, *rest, **opts) %}{{ a }}{{ b }}{{ rest | join }}{{ opts | dictsort | map('join', '=') | join(',') }}{% endmacro %}
{% macro jinja_style(a) %}{{ a }}:{{ varargs | length }}:{{ kwargs.get('k') }}{% endmacro %}`,
    });
    expect(render("{{ sig(1) }}|{{ sig(1, 3, 4, 5, x='y') }}", {}, engine)).toBe('12|1345x=y');
    // as in Python, `b` cannot be given both by position and by keyword
    expect(() => render("{{ sig(1, 3, 4, 5, x='y', b=9) }}", {}, engine)).toThrow("macro 'sig' got multiple values for argument 'b'");
    expect(render("{% set args = [7, 8] %}{% set kw = {'k': 'v'} %}{{ jinja_style(*args, **kw) }}", {}, engine)).toBe('7:1:v');
  });

  it('return() leaves the macro from inside loops and ifs with any value', () => {
    const engine = engineWith({ 'macros/r.sql': "{% macro first_big(xs) %}{% for x in xs %}{% if x > 2 %}{{ return({'v': x}) }}{% endif %}{% endfor %}{{ return(none) }}{% endmacro %}" });
    expect(render("{{ first_big([1, 5, 9]).v }}|{{ first_big([1]) is none }}", RETURN, engine)).toBe('5|True');
  });

  it('errors inside a macro remember the macro file, line and the macro chain', () => {
    const engine = engineWith({ 'macros/e.sql': '{% macro inner() %}\n\n  {{ undefined_fn() }}\n{% endmacro %}\n{% macro outer() %}{{ inner() }}{% endmacro %}' });
    let err: unknown;
    try {
      render('{{ outer() }}', {}, engine);
    } catch (e) {
      err = e;
    }
    expect(macroLocationOf(err)).toMatchObject({ file: 'macros/e.sql', line: 3, macro: 'inner', trail: ['inner', 'outer'] });
  });
});

describe('adapter.dispatch resolution', () => {
  const setup = () => {
    const engine = engineWith();
    const fn = (tag: string) => () => tag;
    engine.namespaces.set('shop', { default__thing: fn('shop default') });
    engine.namespaces.set('utils', { default__thing: fn('utils default'), duckdb__only_utils: fn('utils duckdb') });
    engine.macros.set('default__thing', fn('root default'));
    return engine;
  };

  it('prefers duckdb__ over default__, the search order, then [root, package]', () => {
    const engine = setup();
    const cfg = { projectName: 'shop', dispatch: [] as { macro_namespace: string; search_order: string[] }[] };
    expect((resolveDispatch(engine, cfg, 'thing', 'utils') as () => string)()).toBe('shop default');
    expect((resolveDispatch(engine, cfg, 'only_utils', 'utils') as () => string)()).toBe('utils duckdb');
    const ordered = { ...cfg, dispatch: [{ macro_namespace: 'utils', search_order: ['utils', 'shop'] }] };
    expect((resolveDispatch(engine, ordered, 'thing', 'utils') as () => string)()).toBe('utils default');
    expect((resolveDispatch(engine, cfg, 'thing', null) as () => string)()).toBe('root default');
  });

  it('names every candidate it tried when none exists', () => {
    const engine = setup();
    expect(() => resolveDispatch(engine, { projectName: 'shop', dispatch: [] }, 'thin', 'utils')).toThrow(TsdbtError);
    try {
      resolveDispatch(engine, { projectName: 'shop', dispatch: [] }, 'thin', 'utils');
    } catch (e) {
      expect((e as TsdbtError).message).toContain("Searched for: 'shop.duckdb__thin', 'shop.default__thin', 'utils.duckdb__thin', 'utils.default__thin'");
      expect((e as TsdbtError).hint).toContain('default__thing');
    }
  });
});

describe('agate tables', () => {
  it('addresses rows and columns by index and name', () => {
    const t = toAgate({ columns: [{ name: 'id', type: 'INTEGER' }, { name: 'name', type: 'VARCHAR' }], rows: [[1, 'a'], [2, 'b']] });
    const engine = engineWith();
    const out = render("{{ t.columns[1].values() | join }}|{{ t.columns['id'].values() | sum }}|{{ t.rows[1]['name'] }}{{ t.rows[0][0] }}|{{ t.rows | length }}|{{ t.rows[0].keys() | join }}|{% for r in t %}{{ r.name }}{% endfor %}|{{ t.column_names | join }}", { t }, engine);
    expect(out).toBe('ab|3|b1|2|idname|ab|idname');
  });

  it('base context keeps run_started_at a Python datetime', () => {
    const ctx = baseContext({ config: { target: { raw: {}, name: 'dev', schema: 'main', database: 'db', path: 'x', threads: 1 }, project: { name: 'p' }, vars: {} } as never, invocationId: 'i', runStartedAt: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) }, () => 'f');
    expect(render("{{ run_started_at.strftime('%Y%m%d') }}|{{ run_started_at }}", ctx)).toBe('20240102|2024-01-02 03:04:05+00:00');
  });
});

describe('dbt block tags', () => {
  it('parse test, materialization, snapshot and docs blocks', () => {
    const engine = engineWith();
    const macros = engine.loadMacroFile(
      `{% test positive(model, column_name) %}select * from {{ model }} where {{ column_name }} < 0{% endtest %}
{% materialization my_mat, adapter='duckdb' %}{{ return('m') }}{% endmaterialization %}
{% docs orders %}Orders {{ not jinja }} {% if %} text{% enddocs %}
{% macro _private() %}p{% endmacro %}`,
      'macros/blocks.sql',
    );
    expect(Object.keys(macros).sort()).toEqual(['_private', 'materialization_my_mat_duckdb', 'test_positive']);
    expect(String(macros.test_positive('t', 'c'))).toBe('select * from t where c < 0');
    expect(render("{% snapshot s %}select 1{% endsnapshot %}")).toBe('select 1');
  });
});

describe('relations as dbt packages see them', () => {
  it('is a mapping with metadata.type ending in Relation', async () => {
    const { Relation } = await import('../../../src/templating/relation.js');
    const rel = new Relation('db', 'main', 'orders', 'table');
    const out = render("{{ r is mapping and r.get('metadata', {}).get('type', '').endswith('Relation') }}|{{ r.include(database=false) }}|{{ r.incorporate(path={'identifier': 'x'}).render() }}|{{ r.is_table }}", { r: rel });
    expect(out).toBe('True|"main"."orders"|"db"."main"."x"|True');
  });
});
