-- One row per channel group (from the channel_groups seed), with the mapping rules that lead to it.
select
    g.channel_group,
    g.channel_label,
    g.is_paid,
    g.description,
    (select count(*) from {{ ref('channel_group_mapping') }} m where m.channel_group = g.channel_group) as mapping_rules
from {{ ref('channel_groups') }} as g
