// Every test file's temp folders (test/helpers/temp-dir.ts) are removed once its tests have run: the
// test workers may be stopped without an exit event, and /tmp must not fill up run after run.
import { afterAll } from 'vitest';
import { removeTempDirs } from '../helpers/temp-dir.js';

afterAll(removeTempDirs);
