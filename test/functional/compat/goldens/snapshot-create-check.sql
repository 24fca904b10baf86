create table "memory"."snaps"."orders_snapshot" as (
  select *,
    md5(coalesce(cast(id as varchar), '') || '|' || coalesce(cast(timestamp '2024-02-01 00:00:00' as varchar), '')) as "dbt_scd_id",
    timestamp '2024-02-01 00:00:00' as "dbt_updated_at",
    timestamp '2024-02-01 00:00:00' as "dbt_valid_from",
    nullif(timestamp '2024-02-01 00:00:00', timestamp '2024-02-01 00:00:00') as "dbt_valid_to",
    'False' as "dbt_is_deleted"
  from (
select id, status from raw.orders
  ) as sbq
)
