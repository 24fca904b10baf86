delete from "memory"."main"."orders"
where exists (select 1 from staged where "memory"."main"."orders"."id" = staged."id");
insert into "memory"."main"."orders" ("id", "amount")
select "id", "amount" from staged;
