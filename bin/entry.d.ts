/** The entry module's path inside a dist folder: the bundle when it is current, else cli/main.js. */
export function entryFile(dist: string): string;
