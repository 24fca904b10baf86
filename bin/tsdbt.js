#!/usr/bin/env node
// Entry point of the `tsdbt` command: load the compiled CLI, hand it the arguments, and exit with its
// code once it returns (no database thread or timer may keep a finished command alive).
import { fileURLToPath, pathToFileURL } from 'node:url';
import { entryFile } from './entry.js';

const { main } = await import(pathToFileURL(entryFile(fileURLToPath(new URL('../dist', import.meta.url)))).href);
main(process.argv.slice(2)).then((code) => process.exit(code));
