// Public surface of the config stage: project file, profiles, property files, folder configs.
export { loadProject, findProjectFile, PROJECT_FILES } from './project-loader.js';
export { loadTarget } from './target-loader.js';
export type { LoadedTarget } from './target-loader.js';
export { loadConfig } from './load-config.js';
export type { LoadedConfig } from './load-config.js';
export { configForPath, mergeConfigs, normalizeConfigKey } from './folder-config.js';
export { loadPropertyFiles, findPropertyFiles } from './property-files.js';
export type { PropertyFileOptions } from './property-files.js';
export { secretValues, renderYamlString } from './yaml-jinja.js';
export type { YamlRenderContext } from './yaml-jinja.js';
export { targetContext } from './target-context.js';
export { varsFor } from './vars.js';
export { findProfilesFile } from './profiles-file.js';
export type * from './types.js';
