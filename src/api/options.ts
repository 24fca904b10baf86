// Options every command accepts, as the API takes them (the CLI maps its flags onto these).

export interface CommonOptions {
  projectDir?: string;
  profilesDir?: string;
  profile?: string;
  target?: string;
  vars?: Record<string, unknown>;
  threads?: number;
}

export interface SelectionOptions {
  select?: string[];
  exclude?: string[];
  /** a state manifest folder for state:modified (--state) */
  state?: string;
  /** --defer: refs to unselected parents missing from the target read the --state manifest's relations */
  defer?: boolean;
}

export interface RunCommandOptions extends CommonOptions, SelectionOptions {
  fullRefresh?: boolean;
  failFast?: boolean;
  signal?: AbortSignal;
  /** print nothing (the API default is to print like the CLI) */
  quiet?: boolean;
}
