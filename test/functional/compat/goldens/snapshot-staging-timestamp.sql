with snapshot_query as (
select * from raw.orders
),
snapshotted_data as (
  select *, id as dbt_unique_key
  from "memory"."snaps"."orders_snapshot" as t
  where t."dbt_valid_to" is null
),
insertions_source_data as (
  select *, id as dbt_unique_key,
    updated_at as "dbt_updated_at",
    updated_at as "dbt_valid_from",
    nullif(updated_at, updated_at) as "dbt_valid_to",
    md5(coalesce(cast(id as varchar), '') || '|' || coalesce(cast(updated_at as varchar), '')) as "dbt_scd_id"
  from snapshot_query
),
updates_source_data as (
  select *, id as dbt_unique_key,
    updated_at as "dbt_updated_at",
    updated_at as "dbt_valid_from",
    updated_at as "dbt_valid_to"
  from snapshot_query
),
insertions as (
  select 'insert' as dbt_change_type, source_data.*
  from insertions_source_data as source_data
  left outer join snapshotted_data on snapshotted_data.dbt_unique_key = source_data.dbt_unique_key
  where snapshotted_data.dbt_unique_key is null
     or ((snapshotted_data."dbt_valid_from" < source_data.updated_at))
),
updates as (
  select 'update' as dbt_change_type, source_data.*, snapshotted_data."dbt_scd_id"
  from updates_source_data as source_data
  join snapshotted_data on snapshotted_data.dbt_unique_key = source_data.dbt_unique_key
  where ((snapshotted_data."dbt_valid_from" < source_data.updated_at))
),
deletes as (
  select 'delete' as dbt_change_type, timestamp '2024-02-01 00:00:00' as "dbt_valid_to", snapshotted_data."dbt_scd_id"
  from snapshotted_data
  left join (select id as dbt_unique_key from snapshot_query) as source_data on snapshotted_data.dbt_unique_key = source_data.dbt_unique_key
  where source_data.dbt_unique_key is null
)
select * from insertions
union all by name
select * from updates
union all by name
select * from deletes
