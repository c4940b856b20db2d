-- Issued documents: the signed PDF a completed application yields, its gap-free number, its public
-- verification token, its revocation and the corrected document that replaces it. The PDF itself is in the
-- blob store under its SHA-256; private keys are never in the database (PKCS#12 files in the data folder,
-- or a remote signing service), only the certificates Gerai trusts for each agency.

-- Per agency: how its documents are numbered and headed.
create table document_agency_settings (
    tenant_id uuid not null,
    agency_id uuid not null,
    -- e.g. '474.1/{seq:4}/{agency}/{year}'; must hold {seq} and {year}
    number_format text not null,
    -- address lines under the agency's name in the letterhead (kop surat)
    letterhead text,
    -- the place printed before the date, e.g. 'Tangerang'; blank: derived from the tenant's name
    place text,
    -- the position printed above the signing official's name when theirs is not set
    default_position text,
    updated_at timestamptz not null default now(),
    updated_by text,
    primary key (tenant_id, agency_id)
);
select gerai_tenant_rls('document_agency_settings');

-- Per signing official: the position printed under their name and the NIK a remote signing service knows them by.
create table document_signatory (
    tenant_id uuid not null,
    account_id uuid not null,
    agency_id uuid,
    position text,
    nik char(16),
    updated_at timestamptz not null default now(),
    primary key (tenant_id, account_id)
);
select gerai_tenant_rls('document_signatory');

-- Gap-free numbering: the counter moves in the transaction that inserts the document row holding the number,
-- so a rollback takes both back and document rows are never deleted.
create table document_counter (
    tenant_id uuid not null,
    agency_id uuid not null,
    year int not null,
    last_seq int not null,
    primary key (tenant_id, agency_id, year)
);
select gerai_tenant_rls('document_counter');

-- Certificates Gerai trusts for an agency's (or an official's) signatures: verification accepts a signature
-- only by a certificate listed here for the document's agency. Public data; the keys stay outside the database.
create table document_certificate (
    tenant_id uuid not null,
    -- SHA-256 of the DER encoding, lower-case hex
    fingerprint text not null check (fingerprint ~ '^[0-9a-f]{64}$'),
    agency_id uuid not null,
    account_id uuid,
    source text not null check (source in ('pkcs12', 'remote')),
    subject text not null,
    issuer text not null,
    not_before timestamptz not null,
    not_after timestamptz not null,
    der bytea not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, fingerprint, agency_id)
);
select gerai_tenant_rls('document_certificate');

create table issued_document (
    tenant_id uuid not null,
    id uuid not null,
    application_id uuid not null,
    tracking_no text not null,
    agency_id uuid not null,
    service_id uuid not null,
    service_version int not null,
    number text not null,
    number_year int not null,
    number_seq int not null check (number_seq > 0),
    -- random, unguessable: the QR code's /verify/{token}
    verify_token text not null check (verify_token ~ '^[0-9a-z]{26}$'),
    -- printed under the QR code; with the number it finds the document
    short_code text not null,
    title text not null,
    status text not null check (status in ('PENDING', 'ISSUED', 'REVOKED')),
    -- what was rendered: form data (with corrections for a re-issue) and the applicant, so the same PDF content
    -- can be rendered again after a failed signing attempt
    data jsonb not null,
    applicant_id uuid not null,
    applicant_name text not null,
    applicant_nik char(16) not null,
    official_id uuid,
    official_name text not null,
    official_position text not null,
    decided_at timestamptz not null,
    issued_at timestamptz,
    blob_sha256 text check (blob_sha256 ~ '^[0-9a-f]{64}$'),
    size bigint,
    signer text,
    cert_fingerprint text,
    timestamped boolean not null default false,
    -- interactive remote signing: waits for the official's passphrase
    awaiting_signature boolean not null default false,
    attempts int not null default 0,
    last_error text,
    replaces_id uuid,
    -- for a correction: why, and who asked (the replaced document is revoked with this reason when it is issued)
    reissue_reason text,
    reissued_by text,
    replaced_by_id uuid,
    revoked_at timestamptz,
    revoked_by text,
    revoke_reason text,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, agency_id, number_year, number_seq),
    check ((status = 'PENDING') = (blob_sha256 is null)),
    check ((status = 'REVOKED') = (revoked_at is not null)),
    foreign key (tenant_id, replaces_id) references issued_document (tenant_id, id)
);
-- one original per application, one correction per document: retries and concurrent issuers meet here
create unique index issued_document_original_uq on issued_document (tenant_id, application_id) where replaces_id is null;
create unique index issued_document_replaces_uq on issued_document (tenant_id, replaces_id) where replaces_id is not null;
-- public look-ups run across tenants
create unique index issued_document_token_uq on issued_document (verify_token);
create index issued_document_number_idx on issued_document (number);
create index issued_document_sha_idx on issued_document (blob_sha256);
create index issued_document_application_idx on issued_document (tenant_id, application_id, created_at desc);
create index issued_document_agency_idx on issued_document (tenant_id, agency_id, created_at desc);
create index issued_document_pending_idx on issued_document (created_at) where status = 'PENDING';
select gerai_tenant_rls('issued_document');
