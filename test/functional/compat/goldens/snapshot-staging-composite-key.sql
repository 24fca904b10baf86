with snapshot_query as (
select * from raw.orders
),
snapshotted_data as (
  select *, id as dbt_unique_key_1, status as dbt_unique_key_2
  from "memory"."snaps"."orders_snapshot" as t
  where (t."dbt_valid_to" is null or t."dbt_valid_to" = timestamp '9999-12-31')
),
insertions_source_data as (
  select *, id as dbt_unique_key_1, status as dbt_unique_key_2,
    updated_at as "dbt_updated_at",
    updated_at as "dbt_valid_from",
    coalesce(nullif(updated_at, updated_at), timestamp '9999-12-31') as "dbt_valid_to",
    md5(coalesce(cast(id as varchar), '') || '|' || coalesce(cast(status as varchar), '') || '|' || coalesce(cast(updated_at as varchar), '')) as "dbt_scd_id"
  from snapshot_query
),
updates_source_data as (
  select *, id as dbt_unique_key_1, status as dbt_unique_key_2,
    updated_at as "dbt_updated_at",
    updated_at as "dbt_valid_from",
    updated_at as "dbt_valid_to"
  from snapshot_query
),
insertions as (
  select 'insert' as dbt_change_type, source_data.*
  from insertions_source_data as source_data
  left outer join snapshotted_data on snapshotted_data.dbt_unique_key_1 = source_data.dbt_unique_key_1 and snapshotted_data.dbt_unique_key_2 = source_data.dbt_unique_key_2
  where snapshotted_data.dbt_unique_key_1 is null and snapshotted_data.dbt_unique_key_2 is null
     or ((snapshotted_data."dbt_valid_from" < source_data.updated_at))
),
updates as (
  select 'update' as dbt_change_type, source_data.*, snapshotted_data."dbt_scd_id"
  from updates_source_data as source_data
  join snapshotted_data on snapshotted_data.dbt_unique_key_1 = source_data.dbt_unique_key_1 and snapshotted_data.dbt_unique_key_2 = source_data.dbt_unique_key_2
  where ((snapshotted_data."dbt_valid_from" < source_data.updated_at))
)
select * from insertions
union all by name
select * from updates
