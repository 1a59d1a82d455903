-- Indicators for a past date look for literacy-status changes recorded after that date.
create index lit_person_change_status_time_idx on lit_person_change (changed_at) where field = 'literacyStatus';
