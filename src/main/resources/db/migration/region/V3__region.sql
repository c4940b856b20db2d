-- Region codes (kode wilayah Kemendagri): installation-wide reference data, the same for every tenant,
-- so no tenant_id and no row-level security. Rows are written only by the importer (RegionImporter).

-- Trigram matching for typo-tolerant name search ("Tanggerang", "Minahsa"). Trusted since PostgreSQL 13,
-- so the database owner that runs migrations may create it.
create extension if not exists pg_trgm;

create table region (
    -- "C" collation: the primary key index then also serves code-prefix searches (code like '35.10%').
    code text collate "C" primary key
        check (code ~ '^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$'),
    -- No foreign key to code on purpose: checking it costs ~2 s for the 91k rows of an import, and the
    -- importer refuses a dataset whose parents are missing before it writes anything.
    parent_code text collate "C",
    name text not null check (name <> ''),
    level text not null check (level in ('PROVINCE', 'REGENCY', 'DISTRICT', 'VILLAGE')),
    kind text not null check (kind in ('PROVINSI', 'KABUPATEN', 'KOTA', 'KECAMATAN', 'KELURAHAN', 'DESA')),
    -- What name search compares with: lower case, punctuation as spaces, apostrophes dropped ("Ja'an" ->
    -- "jaan"), and for kabupaten/kota without the "Kabupaten"/"Kota (Administrasi)" prefix, so that
    -- "tangerang" is an exact hit for both 36.03 and 36.71. The query is normalised the same way in Java
    -- (RegionSearch.normalize): change both together.
    search_name text collate "C" not null generated always as (
        btrim(regexp_replace(
            case when level = 'REGENCY'
                 then regexp_replace(translate(lower(name), '''’`ʼ', ''), '^(kabupaten|kota)( administrasi)? +', '')
                 else translate(lower(name), '''’`ʼ', '') end,
            '[^a-z0-9]+', ' ', 'g'))
    ) stored,
    -- The dataset version that added or last changed this row, and when a dataset stopped delivering it.
    -- A code that disappears (regions split and merge) is retired, not deleted: addresses stored elsewhere
    -- keep pointing at something, and a later dataset may bring it back.
    dataset_version text not null,
    retired_at timestamptz,
    updated_at timestamptz not null default now(),
    check ((level = 'PROVINCE') = (parent_code is null))
);

create index region_parent_idx on region (parent_code, code);
create index region_search_trgm_idx on region using gin (search_name gin_trgm_ops);
-- search_name is "C"-collated, so a plain btree answers prefix LIKE for queries too short for trigrams.
create index region_search_prefix_idx on region (search_name);

-- One row per import that changed something (or ran the first time): which dataset, what it held, and
-- what it did. The newest row tells the importer on the next start whether there is anything to do.
create table region_import (
    id bigint generated always as identity primary key,
    dataset text not null,
    version text not null,
    checksum text not null,
    provinces int not null,
    regencies int not null,
    districts int not null,
    villages int not null,
    inserted int not null,
    updated int not null,
    retired int not null,
    duration_ms int not null,
    imported_at timestamptz not null default now()
);

-- The importer runs as the application role and vacuums and analyses the table after a change, which
-- moves new rows out of the trigram index's pending list (searches read it sequentially) and gives the
-- planner statistics. PostgreSQL 17 has a privilege for that; on older servers VACUUM only warns and
-- autovacuum catches up a little later.
do $$
begin
    if current_setting('server_version_num')::int >= 170000 then
        execute format('grant maintain on region to %I', '${app_role}');
    end if;
end $$;
