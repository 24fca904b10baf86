// Public entry of the data generator, for the CLI, benchmarks and tests.
export { generate, type GenerateSummary, type GeneratedTable } from './generate.js';
export { DEFAULTS, type GenerateOptions, type OutputFormat } from './options.js';
export { TABLES, type TableName, type TableSchema } from './table-schemas.js';
export { readCsvSql } from './parquet.js';
export { productUrl } from './catalog.js';
export { PRICE_PROPERTY, HASHED_PROPERTY } from './catalog-state.js';
