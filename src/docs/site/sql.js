// SQL syntax highlighting for raw and compiled code: one tokenizing pass producing escaped HTML spans.
(function () {
  'use strict';
  const D = window.TsdbtDocs;
  const KEYWORDS = new Set(('select from where group by order having limit offset join left right full inner outer cross on using as ' +
    'with recursive union all distinct intersect except case when then else end and or not in is null like ilike between ' +
    'exists cast over partition window qualify asc desc nulls first last insert into values create table view replace ' +
    'true false interval lateral natural positional pivot unpivot exclude rename struct list filter within rows range ' +
    'preceding following current row unbounded materialized delete update set try_cast').split(' '));
  const TOKEN = /(--[^\n]*|\/\*[\s\S]*?\*\/)|('(?:[^']|'')*')|("(?:[^"]|"")*")|(\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\})|(\b\d+(?:\.\d+)?\b)|([A-Za-z_][A-Za-z0-9_]*)(\s*\()?/g;

  D.highlightSql = function highlightSql(sql) {
    let out = '', last = 0, m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(sql))) {
      out += D.esc(sql.slice(last, m.index));
      last = TOKEN.lastIndex;
      const [all, comment, str, ident, jinja, num, word, call] = m;
      if (comment) out += '<span class="tok-comment">' + D.esc(all) + '</span>';
      else if (str) out += '<span class="tok-string">' + D.esc(all) + '</span>';
      else if (ident) out += '<span class="tok-ident">' + D.esc(all) + '</span>';
      else if (jinja) out += '<span class="tok-jinja">' + D.esc(all) + '</span>';
      else if (num) out += '<span class="tok-number">' + all + '</span>';
      else if (KEYWORDS.has(word.toLowerCase())) out += '<span class="tok-keyword">' + word + '</span>' + (call ? D.esc(call) : '');
      else if (call) out += '<span class="tok-function">' + word + '</span>' + D.esc(call);
      else out += D.esc(all);
    }
    return out + D.esc(sql.slice(last));
  };

  D.codeBlock = (sql, testid) => {
    const pre = D.el('pre', { class: 'code', 'data-testid': testid });
    pre.innerHTML = '<code>' + D.highlightSql(sql || '') + '</code>';
    return pre;
  };
})();
