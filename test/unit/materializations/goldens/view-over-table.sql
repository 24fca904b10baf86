drop table if exists "memory"."main"."orders";
create or replace view "memory"."main"."orders" as (
select 2 as id
);
