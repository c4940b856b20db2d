-- Tightens what V7 started: a published or retired version is frozen except for the one move
-- PUBLISHED -> RETIRED (with its retired_at); a service has at most one published version; and the
-- published version a service points to must exist.

create or replace function service_version_frozen() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.status <> 'DRAFT' then
            raise exception 'service version %/% is %, it cannot be deleted', old.service_id, old.version, old.status
                using errcode = 'insufficient_privilege';
        end if;
        return old;
    end if;
    if old.status = 'DRAFT' then
        if new.tenant_id is distinct from old.tenant_id or new.service_id is distinct from old.service_id
                or new.version is distinct from old.version then
            raise exception 'service version %/% cannot move', old.service_id, old.version
                using errcode = 'insufficient_privilege';
        end if;
        return new;
    end if;
    -- published or retired: only PUBLISHED -> RETIRED, setting retired_at, and nothing else
    if not (old.status = 'PUBLISHED' and new.status = 'RETIRED')
            or (to_jsonb(new) - 'status' - 'retired_at') is distinct from (to_jsonb(old) - 'status' - 'retired_at') then
        raise exception 'service version %/% is %, it cannot change', old.service_id, old.version, old.status
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end $$;

create unique index service_version_one_published on service_version (tenant_id, service_id) where status = 'PUBLISHED';

alter table service add foreign key (tenant_id, id, current_version)
    references service_version (tenant_id, service_id, version) deferrable initially deferred;

create index service_version_published_idx on service_version (status, published_at) where status = 'PUBLISHED';
