-- Summaries read only these columns: covering indexes let PostgreSQL answer from the index alone.
drop index activity_province_date_idx;
create index activity_province_cover_idx on activity (province_id, start_date)
    include (centre_id, type_code, topic_code, participations, women, ethnic_minority, disadvantaged);
create index activity_centre_cover_idx on activity (centre_id, start_date)
    include (type_code, topic_code, participations, women, ethnic_minority, disadvantaged);
drop index activity_centre_date_idx;
