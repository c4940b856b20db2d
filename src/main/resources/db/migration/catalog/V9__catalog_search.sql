-- The public catalogue's search index, written by CatalogIndexer in the publishing transaction (so index
-- and publication commit together) and rebuilt by CatalogIndexer.reindexAll(). Public, published data
-- only; the design itself stays in service_version. Texts are normalised in Java (SearchVocabulary):
-- lower case, accents and punctuation dropped, spelling variants ("akte") replaced by one form ("akta").
--
-- Two tables, because the same service text is published by many regions: 514 kabupaten/kota offering
-- "Akta Kelahiran" are 514 services but one text. service_search_doc holds each distinct searchable text
-- once, with its tsvector; service_search holds one row per published service (what a result shows)
-- pointing at its text. A search across all regions ranks the few matching texts and then takes the
-- services of the best ones in order, instead of scoring tens of thousands of copies; a search in one
-- region starts from that region's ~150 rows. (pg_trgm comes from V3__region.sql.)

create table service_search_doc (
    id bigint generated always as identity primary key,
    -- md5 of the four weighted texts below: identical texts share one row
    hash text not null unique,
    -- the normalised name, for the exact / prefix / phrase tiers of the ranking and trigram similarity
    search_name text collate "C" not null,
    -- everything searched: name (weight A), English name and kind (B), summaries (C), agency, category and
    -- life-event labels (D)
    search_text text not null,
    -- each weight's text as written ('simple') and stemmed ('indonesian': "kelahiran" is also "lahir")
    search_vector tsvector not null
);
-- GIN without the pending list (fastupdate): publications are rare and small, and a search must never
-- read a long list of not-yet-merged entries one by one.
create index service_search_doc_vector_idx on service_search_doc using gin (search_vector) with (fastupdate = off);
create index service_search_doc_name_trgm_idx on service_search_doc using gin (search_name gin_trgm_ops) with (fastupdate = off);

create table service_search (
    tenant_id uuid not null,
    service_id uuid not null,
    version int not null,
    agency_id uuid not null,
    agency_code text not null,
    agency_name text not null,
    tenant_name text not null,
    tenant_slug text not null,
    slug text not null,
    name text not null,
    name_en text,
    summary text,
    summary_en text,
    category text not null,
    life_events text[] not null default '{}',
    channels text[] not null default '{}',
    kind_code text not null,
    fee numeric not null default 0,
    time_limit_days int not null,
    published_at timestamptz,
    -- the normalised name again (lists without a query are in name order)
    search_name text collate "C" not null,
    doc_id bigint not null references service_search_doc (id),
    primary key (tenant_id, service_id),
    foreign key (tenant_id, service_id) references service (tenant_id, id)
);
-- the services of one text in result order, with what the filters and row-level security look at: a search
-- across regions reads them from this index alone, best text first, and stops after one page
create index service_search_doc_idx on service_search (doc_id, tenant_name, slug)
    include (tenant_id, service_id, category, life_events, channels);
-- lists without a query, in name order; a category narrows first
create index service_search_name_idx on service_search (search_name, tenant_name, slug);
create index service_search_category_idx on service_search (category, search_name, tenant_name, slug);
create index service_search_agency_idx on service_search (tenant_id, agency_code);
create index service_search_life_events_idx on service_search using gin (life_events) with (fastupdate = off);
create index service_search_channels_idx on service_search using gin (channels) with (fastupdate = off);
select gerai_tenant_rls('service_search');

-- Every lexeme of the index, written and stemmed, for all tenants together: the vocabulary a misspelt word
-- is corrected against ("kelahran" -> "kelahiran"). Small (thousands of words however many services), so
-- trigram neighbours are found in well under a millisecond. Words are added on publication and pruned,
-- with texts no service uses any more, by reindexAll().
create table service_search_word (
    word text collate "C" primary key
);
create index service_search_word_trgm_idx on service_search_word using gist (word gist_trgm_ops);

-- reindexAll() vacuums and analyses the tables after rebuilding them (as the region importer does).
do $$
begin
    if current_setting('server_version_num')::int >= 170000 then
        execute format('grant maintain on service_search, service_search_doc, service_search_word to %I', '${app_role}');
    end if;
end $$;
