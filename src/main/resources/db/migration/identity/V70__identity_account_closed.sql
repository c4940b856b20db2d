-- A citizen may close their own account (UU 27/2022, the right to deletion). The row stays, because applications
-- and complaints refer to its id, but it is emptied: no e-mail, phone, password or NIK (so the same NIK and address
-- may register again), no name, and disabled. closed_at marks it; only a citizen's account can be closed.
alter table account add column closed_at timestamptz;

alter table account drop constraint account_claimed_or_walk_in;
alter table account add constraint account_claimed_or_walk_in check (
    (closed_at is null and claimed_at is not null and email is not null and password_hash is not null)
    or (closed_at is null and claimed_at is null and kind = 'CITIZEN' and nik is not null)
    or (closed_at is not null and kind = 'CITIZEN' and not enabled and email is null and phone is null
        and password_hash is null and nik is null and full_name = ''));
