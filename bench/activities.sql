-- Generates the issue-4 benchmark data set: 200 activities in the last 12 months for every centre of a commune
-- valid today (3,321 × 200 ≈ 664,000 activities). Run against a scratch database only (see bench/README.md).
\timing on
insert into activity (centre_id, province_id, type_code, topic_code, title, start_date, end_date, participations,
                      women, ethnic_minority, disadvantaged, created_by)
select c.id, c.province_id,
       (array['THEMATIC_SESSION','SHORT_VOCATIONAL','HOBBY_CLASS','CLUB_SESSION','CULTURE_SPORTS','AGRICULTURAL_TRAINING','PROPAGANDA'])[1 + (g % 7)],
       (array['LAW','HEALTH_POPULATION','ENVIRONMENT_SOCIAL_EVILS','CULTURE_SOCIETY','ECONOMY_TECHNOLOGY','LIFE_SKILLS','IT','LIVESTOCK_CROPS'])[1 + (g % 8)],
       'Hoạt động mẫu ' || g,
       current_date - (g * 365 / 200),
       current_date - (g * 365 / 200),
       20 + (g * 7 + c.id) % 80,
       (10 + (g * 7 + c.id) % 80) / 2,
       (g + c.id) % 20,
       (g + c.id) % 5,
       'bench'
from centre c join org_unit u on u.id = c.commune_id and u.level = 3 and u.valid_to is null
cross join generate_series(1, 200) g;
vacuum analyze activity;
select count(*) as activities from activity;
