create or replace table "memory"."main"."orders__tsdbt_tmp" as (
select 1 as id, 10 as amount
);
drop view if exists "memory"."main"."orders";
alter table "memory"."main"."orders__tsdbt_tmp" rename to "orders";
