#!/usr/bin/env node
// Entry point of the `tsdbt` command: load the compiled CLI and hand it the arguments.
import { main } from '../dist/cli/main.js';
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
