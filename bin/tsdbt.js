#!/usr/bin/env node
// Entry point of the `tsdbt` command: load the compiled CLI, hand it the arguments, and exit with its
// code once it returns (no database thread or timer may keep a finished command alive).
import { main } from '../dist/cli/main.js';
main(process.argv.slice(2)).then((code) => process.exit(code));
