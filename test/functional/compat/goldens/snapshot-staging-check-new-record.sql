with snapshot_query as (
select id, status from raw.orders
),
snapshotted_data as (
  select *, id as dbt_unique_key
  from "memory"."snaps"."orders_snapshot" as t
  where t."dbt_valid_to" is null
),
insertions_source_data as (
  select *, id as dbt_unique_key,
    timestamp '2024-02-01 00:00:00' as "dbt_updated_at",
    timestamp '2024-02-01 00:00:00' as "dbt_valid_from",
    nullif(timestamp '2024-02-01 00:00:00', timestamp '2024-02-01 00:00:00') as "dbt_valid_to",
    md5(coalesce(cast(id as varchar), '') || '|' || coalesce(cast(timestamp '2024-02-01 00:00:00' as varchar), '')) as "dbt_scd_id"
  from snapshot_query
),
updates_source_data as (
  select *, id as dbt_unique_key,
    timestamp '2024-02-01 00:00:00' as "dbt_updated_at",
    timestamp '2024-02-01 00:00:00' as "dbt_valid_from",
    timestamp '2024-02-01 00:00:00' as "dbt_valid_to"
  from snapshot_query
),
insertions as (
  select 'insert' as dbt_change_type, source_data.*, 'False' as "dbt_is_deleted"
  from insertions_source_data as source_data
  left outer join snapshotted_data on snapshotted_data.dbt_unique_key = source_data.dbt_unique_key
  where snapshotted_data.dbt_unique_key is null
     or ((snapshotted_data."status" is distinct from source_data."status") or snapshotted_data."dbt_is_deleted" = 'True')
),
updates as (
  select 'update' as dbt_change_type, source_data.*, snapshotted_data."dbt_scd_id"
  from updates_source_data as source_data
  join snapshotted_data on snapshotted_data.dbt_unique_key = source_data.dbt_unique_key
  where ((snapshotted_data."status" is distinct from source_data."status") or snapshotted_data."dbt_is_deleted" = 'True')
),
deletes as (
  select 'delete' as dbt_change_type, timestamp '2024-02-01 00:00:00' as "dbt_valid_to", snapshotted_data."dbt_scd_id"
  from snapshotted_data
  left join (select id as dbt_unique_key from snapshot_query) as source_data on snapshotted_data.dbt_unique_key = source_data.dbt_unique_key
  where source_data.dbt_unique_key is null
    and not coalesce(snapshotted_data."dbt_is_deleted" = 'True', false)
),
deletion_records as (
  select 'insert' as dbt_change_type, snapshotted_data.* exclude ("dbt_valid_from", "dbt_updated_at", "dbt_valid_to", "dbt_scd_id", "dbt_is_deleted"),
    timestamp '2024-02-01 00:00:00' as "dbt_valid_from",
    timestamp '2024-02-01 00:00:00' as "dbt_updated_at",
    nullif(timestamp '2024-02-01 00:00:00', timestamp '2024-02-01 00:00:00') as "dbt_valid_to",
    md5(coalesce(cast(snapshotted_data."dbt_scd_id" as varchar), '') || '|' || coalesce(cast(timestamp '2024-02-01 00:00:00' as varchar), '')) as "dbt_scd_id",
    'True' as "dbt_is_deleted"
  from snapshotted_data
  left join (select id as dbt_unique_key from snapshot_query) as source_data on snapshotted_data.dbt_unique_key = source_data.dbt_unique_key
  where source_data.dbt_unique_key is null
    and not coalesce(snapshotted_data."dbt_is_deleted" = 'True', false)
)
select * from insertions
union all by name
select * from updates
union all by name
select * from deletes
union all by name
select * from deletion_records
