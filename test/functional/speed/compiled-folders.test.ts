// compile remembers the folders it made under target/compiled (30,000 nodes need a handful of folders):
// a folder removed since (`clean` in the same process) is made again, never an error.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, writeProject } from '../../helpers/project.js';

describe('compiled folders', () => {
  it('compile, clean, compile in one process writes the compiled files again', async () => {
    const dir = writeProject({ 'models/sub/a.sql': 'select 1 as x', 'models/b.sql': "select * from {{ ref('a') }}" });
    const file = join(dir, 'target', 'compiled', 'shop', 'models', 'sub', 'a.sql');
    expect((await cli(dir, ['compile'])).code).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect((await cli(dir, ['clean'])).code).toBe(0);
    expect(existsSync(file)).toBe(false);
    const again = await cli(dir, ['compile']);
    expect(again.code, again.output).toBe(0);
    expect(existsSync(file)).toBe(true);
  });
});
