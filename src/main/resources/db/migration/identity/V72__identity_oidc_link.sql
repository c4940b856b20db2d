-- Sign-in with OpenID Connect: an identity at a provider (issuer + subject, which the provider promises never to give
-- to anyone else) linked to one Gerai account. Installation-wide like the account it belongs to (no tenant_id, no RLS):
-- a citizen's one account serves every tenant, and staff sign in before any tenant is chosen.
-- One identity per account and issuer, so "unlink" names the provider and a stray second identity cannot pile up.
create table account_oidc_link (
    issuer       text not null check (char_length(issuer) between 1 and 500),
    subject      text not null check (char_length(subject) between 1 and 255),
    account_id   uuid not null references account (id),
    linked_at    timestamptz not null default now(),
    last_used_at timestamptz,
    primary key (issuer, subject)
);
create unique index account_oidc_link_account_uq on account_oidc_link (account_id, issuer);

-- A citizen who registered through a provider has no Gerai password until they set one (password reset); the
-- provider is their way in, and unlinking the last one is refused while there is no password. Staff keep a password.
alter table account drop constraint account_claimed_or_walk_in;
alter table account add constraint account_claimed_or_walk_in check (
    (closed_at is null and claimed_at is not null and email is not null
        and (password_hash is not null or kind = 'CITIZEN'))
    or (closed_at is null and claimed_at is null and kind = 'CITIZEN' and nik is not null)
    or (closed_at is not null and kind = 'CITIZEN' and not enabled and email is null and phone is null
        and password_hash is null and nik is null and full_name = ''));
