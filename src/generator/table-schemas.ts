// The exact public column layouts of every source table the generator writes (Maven Fuzzy Factory,
// RetailRocket, and the generated ad_spend), with the DuckDB types used for Parquet and read-back.

export interface TableSchema {
  /** table name, also the file name (`<name>.csv` / `<name>.parquet`) */
  name: string;
  /** which public data set the layout copies */
  origin: 'maven' | 'retailrocket' | 'generated';
  columns: ReadonlyArray<readonly [name: string, duckdbType: string]>;
}

export const TABLES = [
  { name: 'website_sessions', origin: 'maven', columns: [
    ['website_session_id', 'BIGINT'], ['created_at', 'TIMESTAMP'], ['user_id', 'BIGINT'],
    ['is_repeat_session', 'INTEGER'], ['utm_source', 'VARCHAR'], ['utm_campaign', 'VARCHAR'],
    ['utm_content', 'VARCHAR'], ['device_type', 'VARCHAR'], ['http_referer', 'VARCHAR'],
  ] },
  { name: 'website_pageviews', origin: 'maven', columns: [
    ['website_pageview_id', 'BIGINT'], ['created_at', 'TIMESTAMP'], ['website_session_id', 'BIGINT'],
    ['pageview_url', 'VARCHAR'],
  ] },
  { name: 'orders', origin: 'maven', columns: [
    ['order_id', 'BIGINT'], ['created_at', 'TIMESTAMP'], ['website_session_id', 'BIGINT'],
    ['user_id', 'BIGINT'], ['primary_product_id', 'INTEGER'], ['items_purchased', 'INTEGER'],
    ['price_usd', 'DECIMAL(10,2)'], ['cogs_usd', 'DECIMAL(10,2)'],
  ] },
  { name: 'order_items', origin: 'maven', columns: [
    ['order_item_id', 'BIGINT'], ['created_at', 'TIMESTAMP'], ['order_id', 'BIGINT'],
    ['product_id', 'INTEGER'], ['is_primary_item', 'INTEGER'], ['price_usd', 'DECIMAL(10,2)'],
    ['cogs_usd', 'DECIMAL(10,2)'],
  ] },
  { name: 'order_item_refunds', origin: 'maven', columns: [
    ['order_item_refund_id', 'BIGINT'], ['created_at', 'TIMESTAMP'], ['order_item_id', 'BIGINT'],
    ['order_id', 'BIGINT'], ['refund_amount_usd', 'DECIMAL(10,2)'],
  ] },
  { name: 'products', origin: 'maven', columns: [
    ['product_id', 'INTEGER'], ['created_at', 'TIMESTAMP'], ['product_name', 'VARCHAR'],
  ] },
  { name: 'events', origin: 'retailrocket', columns: [
    ['timestamp', 'BIGINT'], ['visitorid', 'BIGINT'], ['event', 'VARCHAR'], ['itemid', 'BIGINT'],
    ['transactionid', 'BIGINT'],
  ] },
  { name: 'item_properties', origin: 'retailrocket', columns: [
    ['timestamp', 'BIGINT'], ['itemid', 'BIGINT'], ['property', 'VARCHAR'], ['value', 'VARCHAR'],
  ] },
  { name: 'category_tree', origin: 'retailrocket', columns: [
    ['categoryid', 'BIGINT'], ['parentid', 'BIGINT'],
  ] },
  { name: 'ad_spend', origin: 'generated', columns: [
    ['date', 'DATE'], ['utm_source', 'VARCHAR'], ['utm_campaign', 'VARCHAR'], ['impressions', 'BIGINT'],
    ['clicks', 'BIGINT'], ['spend_usd', 'DECIMAL(12,2)'],
  ] },
] as const satisfies readonly TableSchema[];

export type TableName = (typeof TABLES)[number]['name'];

export function headerLine(table: TableSchema): string {
  return table.columns.map((c) => c[0]).join(',') + '\n';
}
