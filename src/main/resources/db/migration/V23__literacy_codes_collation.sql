-- Person and household codes are identifiers, not words: byte order ("C") makes every key comparison a memcmp
-- instead of a locale collation call, which a million-row load performs tens of millions of times.
alter table lit_person alter column code type varchar(40) collate "C";
alter table lit_person alter column household_code type varchar(40) collate "C";
alter table lit_household alter column code type varchar(40) collate "C";
