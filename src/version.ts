// The versions tsdbt reports: its own, and the dbt version whose artifacts and Jinja context it follows
// (manifest/run_results/sources metadata, `dbt_version` in templates).
export const TSDBT_VERSION = '0.1.0';
export const DBT_COMPAT_VERSION = '1.8.0';
