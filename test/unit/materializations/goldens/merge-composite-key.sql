merge into "memory"."main"."orders" as t
using staged as s
on t."id" = s."id" and t."day" = s."day"
when matched then update set "amount" = s."amount"
when not matched then insert ("id", "day", "amount") values (s."id", s."day", s."amount");
