-- One row per experiment and metric: control vs treatment over the days both variants were live, with a
-- two-proportion z-test (pooled) and its two-sided p-value.
--   landing_page: paid non-brand sessions landing on /home (control) or /lander-1 (treatment);
--                 metrics conversion (session has an order) and bounce (one page view).
--   billing_page: sessions that reached /billing (control) or /billing-2 (treatment); metric conversion.
with experiments (experiment, control_variant, treatment_variant) as (
    values ('landing_page', '/home', '/lander-1'), ('billing_page', '/billing', '/billing-2')
),

observations as (
    select 'landing_page' as experiment, landing_page as variant, session_date, has_order as converted, is_bounce as bounced
    from {{ ref('fct_sessions') }}
    where channel_group = 'paid_nonbrand' and landing_page in ('/home', '/lander-1')
    union all
    select 'billing_page', billing_page, session_date, reached_purchase, null
    from {{ ref('fct_sessions') }}
    where billing_page in ('/billing', '/billing-2')
),

windows as (
    -- the test runs while both variants get traffic: latest first day to earliest last day
    select experiment, max(first_day) as window_start, min(last_day) as window_end
    from (select experiment, variant, min(session_date) as first_day, max(session_date) as last_day from observations group by all)
    group by experiment
    having count(*) = 2
),

variant_stats as (
    select
        o.experiment,
        o.variant,
        w.window_start,
        w.window_end,
        count(*)                                    as sessions,
        count(*) filter (where o.converted)         as conversions,
        count(*) filter (where o.bounced)           as bounces
    from observations as o
    join windows as w on w.experiment = o.experiment and o.session_date between w.window_start and w.window_end
    group by all
),

metrics as (
    select
        e.experiment, m.metric, e.control_variant, e.treatment_variant, c.window_start, c.window_end,
        c.sessions as control_sessions,
        case m.metric when 'conversion' then c.conversions else c.bounces end as control_successes,
        t.sessions as treatment_sessions,
        case m.metric when 'conversion' then t.conversions else t.bounces end as treatment_successes
    from experiments as e
    cross join (values ('conversion'), ('bounce')) as m(metric)
    join variant_stats as c on c.experiment = e.experiment and c.variant = e.control_variant
    join variant_stats as t on t.experiment = e.experiment and t.variant = e.treatment_variant
    where m.metric = 'conversion' or e.experiment = 'landing_page'
),

tested as (
    select
        *,
        {{ safe_divide('control_successes', 'control_sessions') }}     as control_rate,
        {{ safe_divide('treatment_successes', 'treatment_sessions') }} as treatment_rate,
        {{ two_proportion_z('control_successes', 'control_sessions', 'treatment_successes', 'treatment_sessions') }} as z
    from metrics
)

select
    experiment,
    metric,
    control_variant,
    treatment_variant,
    window_start,
    window_end,
    control_sessions,
    control_successes,
    control_rate,
    treatment_sessions,
    treatment_successes,
    treatment_rate,
    treatment_rate - control_rate                               as absolute_lift,
    {{ safe_divide('treatment_rate - control_rate', 'control_rate') }} as relative_lift,
    round(z, 6)                                                 as z_score,
    round({{ normal_two_sided_p_value('z') }}, 6)               as p_value,
    coalesce({{ normal_two_sided_p_value('z') }} < 0.05, false) as is_significant
from tested
