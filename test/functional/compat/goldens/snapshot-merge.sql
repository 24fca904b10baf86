update "memory"."snaps"."orders_snapshot" as dbt_internal_target
set "dbt_valid_to" = dbt_internal_source."dbt_valid_to"
from staging as dbt_internal_source
where dbt_internal_source."dbt_scd_id"::varchar = dbt_internal_target."dbt_scd_id"::varchar
  and dbt_internal_source.dbt_change_type in ('update', 'delete')
  and dbt_internal_target."dbt_valid_to" is null;

insert into "memory"."snaps"."orders_snapshot" ("id", "status", "updated_at", "dbt_updated_at", "dbt_valid_from", "dbt_valid_to", "dbt_scd_id")
select dbt_internal_source."id", dbt_internal_source."status", dbt_internal_source."updated_at", dbt_internal_source."dbt_updated_at", dbt_internal_source."dbt_valid_from", dbt_internal_source."dbt_valid_to", dbt_internal_source."dbt_scd_id"
from staging as dbt_internal_source
where dbt_internal_source.dbt_change_type = 'insert'
