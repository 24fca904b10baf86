-- One row per website session: typed, empty strings and the literal 'NULL' (as in the public dump) become NULL.
select
    cast(website_session_id as bigint)                      as session_id,
    cast(created_at as timestamp)                           as session_started_at,
    cast(user_id as bigint)                                 as user_id,
    cast(is_repeat_session as integer) = 1                  as is_repeat_session,
    {{ clean_text('utm_source') }}                          as utm_source,
    {{ clean_text('utm_campaign') }}                        as utm_campaign,
    {{ clean_text('utm_content') }}                         as utm_content,
    lower({{ clean_text('device_type') }})                  as device_type,
    {{ clean_text('http_referer') }}                        as http_referer,
    -- host without scheme or path, the key the channel mapping matches on
    nullif(regexp_extract(lower({{ clean_text('http_referer') }}), '^[a-z]+://([^/:]+)', 1), '') as referer_host
from {{ source('web', 'website_sessions') }}
