-- Walk-in citizens: a counter or village-office officer records a citizen by NIK before (or without) the
-- citizen signing up. Such a record is "unclaimed": it has no password, so it cannot log in, and any e-mail
-- on it is contact data typed by the officer, not a login name. Registering with its NIK (and its name)
-- claims it, keeping its id so what was filed for the citizen stays theirs.
alter table account
    alter column email drop not null,
    alter column password_hash drop not null,
    add column claimed_at timestamptz default now(),
    add column created_by uuid references account (id);

-- Every account made before this migration signed up itself (or is staff): it is claimed.
update account set claimed_at = created_at;

-- Staff and claimed citizens log in, so they need both; only a citizen, who must have a NIK, may be unclaimed.
-- The default now() means an insert that forgets claimed_at fails here for want of a password rather than
-- silently making a login-less account look claimed.
alter table account add constraint account_claimed_or_walk_in check (
    (claimed_at is not null and email is not null and password_hash is not null)
    or (claimed_at is null and kind = 'CITIZEN' and nik is not null));

-- An e-mail address is a login name only on claimed accounts. Unclaimed records may repeat an address (a
-- relative's, typed by an officer) without reserving it against the person who owns it. Nulls never collide.
drop index account_email_uq;
create unique index account_email_uq on account (lower(email)) where claimed_at is not null;
create index account_created_by_idx on account (created_by) where created_by is not null;
