// Splits CSV text into records: double quotes (with "" for a quote) protect delimiters and line breaks,
// unquoted fields are trimmed, blank lines are skipped. For seed headers and unit-test CSV fixtures;
// loading a seed's rows is DuckDB's reader's job.
export function csvRecords(text: string, delimiter = ','): string[][] {
  const records: string[][] = [];
  let rec: string[] = [];
  let cur = '';
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    rec.push(wasQuoted ? cur : cur.trim());
    cur = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    if (rec.some((x) => x !== '')) records.push(rec);
    rec = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') (quoted = true), (wasQuoted = true);
    else if (text.startsWith(delimiter, i)) (endField(), (i += delimiter.length - 1));
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else cur += ch;
  }
  endRecord();
  return records;
}
