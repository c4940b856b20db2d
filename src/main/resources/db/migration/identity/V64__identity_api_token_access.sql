-- What a personal API token may do: READ tokens are accepted for reading only (GET and HEAD), so a
-- dashboard or reporting integration cannot change anything even if its token leaks; FULL tokens act with
-- everything their account may do. Tokens made before this column existed keep what they had: FULL.
alter table api_token add column access text not null default 'FULL' check (access in ('READ', 'FULL'));
