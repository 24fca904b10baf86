-- The RFM segment map names exactly one segment for each of the 25 (r_score, fm_score) cells.
with cells as (
    select r.r as r_score, f.f as fm_score from range(1, 6) as r(r), range(1, 6) as f(f)
)

select cells.r_score, cells.fm_score, count(s.segment) as segments
from cells
left join {{ ref('rfm_segments') }} as s on s.r_score = cells.r_score and s.fm_score = cells.fm_score
group by cells.r_score, cells.fm_score
having count(s.segment) <> 1
