-- The public catalogue's search index: one row per service whose current version is published, written
-- by CatalogIndexer in the publishing transaction (so index and publication commit together) and
-- rebuilt by CatalogIndexer.reindexAll(). It holds public, published data only; the design itself stays
-- in service_version. Texts are normalised in Java (SearchVocabulary.normalize): lower case, accents and
-- punctuation dropped, spelling variants ("akte") replaced by one form ("akta").

-- pg_trgm (trigram similarity) is created by V3__region.sql.

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
    -- the normalised name, for the exact / prefix / phrase tiers of the ranking and trigram similarity
    search_name text collate "C" not null,
    -- the normalised text of everything searched: name (weight A), English name and kind (B), summaries
    -- (C), agency, category and life-event labels (D)
    search_text text not null,
    -- each weight's text as written ('simple') and stemmed ('indonesian': "kelahiran" is also "lahir")
    search_vector tsvector not null,
    primary key (tenant_id, service_id),
    foreign key (tenant_id, service_id) references service (tenant_id, id)
);
create index service_search_vector_idx on service_search using gin (search_vector);
create index service_search_name_trgm_idx on service_search using gin (search_name gin_trgm_ops);
-- browsing without a query lists by name; a category narrows first
create index service_search_name_idx on service_search (search_name, tenant_name);
create index service_search_category_idx on service_search (category, search_name);
create index service_search_agency_idx on service_search (tenant_id, agency_code);
create index service_search_life_events_idx on service_search using gin (life_events);
create index service_search_channels_idx on service_search using gin (channels);
select gerai_tenant_rls('service_search');

-- Every lexeme of the index, written and stemmed, for all tenants together: the vocabulary a misspelt
-- word is corrected against ("kelahran" -> "kelahiran"). Small (thousands of words however many services),
-- so trigram neighbours are found in well under a millisecond. Words of published, public names only,
-- hence no tenant_id. Words are added on publication and pruned by reindexAll().
create table service_search_word (
    word text collate "C" primary key
);
create index service_search_word_trgm_idx on service_search_word using gist (word gist_trgm_ops);

-- reindexAll() analyses both tables after rebuilding them (as the region importer does).
do $$
begin
    if current_setting('server_version_num')::int >= 170000 then
        execute format('grant maintain on service_search, service_search_word to %I', '${app_role}');
    end if;
end $$;
