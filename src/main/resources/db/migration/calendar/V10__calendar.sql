-- Working days. National holidays and cuti bersama are installation-wide reference data (no tenant, no
-- row-level security), edited by the platform admin because a decree can move them; each tenant has its
-- working week, close of business and zone, and its own regional holidays and special working days.

create table national_holiday (
    date       date primary key,
    kind       text not null check (kind in ('NATIONAL_HOLIDAY', 'CUTI_BERSAMA')),
    name       text not null check (length(btrim(name)) between 1 and 200),
    decree     text check (decree is null or length(decree) <= 200),
    created_at timestamptz not null default now()
);

-- No row: Monday-Friday until 16:00 in the zone of the tenant's province (the application decides it:
-- WITA for Bali, Nusa Tenggara, Kalimantan Selatan/Timur/Utara and Sulawesi, WIT for Maluku and Papua).
create table tenant_calendar (
    tenant_id    uuid primary key,
    -- ISO day numbers, 1 = Monday ... 7 = Sunday
    working_days smallint[] not null default '{1,2,3,4,5}',
    close_time   time not null default '16:00',
    zone         text not null default 'Asia/Jakarta' check (zone in ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
    updated_at   timestamptz not null default now(),
    check (cardinality(working_days) between 1 and 7 and working_days <@ '{1,2,3,4,5,6,7}'::smallint[])
);
select gerai_tenant_rls('tenant_calendar');

create table tenant_day (
    tenant_id  uuid not null,
    date       date not null,
    kind       text not null check (kind in ('REGIONAL_HOLIDAY', 'SPECIAL_WORKING_DAY')),
    name       text not null check (length(btrim(name)) between 1 and 200),
    created_at timestamptz not null default now(),
    primary key (tenant_id, date)
);
select gerai_tenant_rls('tenant_day');

-- 2025: 17 libur nasional and 11 cuti bersama (237 Monday-Friday working days).
insert into national_holiday (date, kind, name, decree) values
    ('2025-01-01', 'NATIONAL_HOLIDAY', 'Tahun Baru 2025 Masehi', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-01-27', 'NATIONAL_HOLIDAY', 'Isra Mikraj Nabi Muhammad SAW', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-01-28', 'CUTI_BERSAMA', 'Cuti bersama Tahun Baru Imlek', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-01-29', 'NATIONAL_HOLIDAY', 'Tahun Baru Imlek 2576 Kongzili', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-03-28', 'CUTI_BERSAMA', 'Cuti bersama Hari Suci Nyepi', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-03-29', 'NATIONAL_HOLIDAY', 'Hari Suci Nyepi Tahun Baru Saka 1947', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-03-31', 'NATIONAL_HOLIDAY', 'Idulfitri 1446 Hijriah', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-04-01', 'NATIONAL_HOLIDAY', 'Idulfitri 1446 Hijriah', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-04-02', 'CUTI_BERSAMA', 'Cuti bersama Idulfitri 1446 Hijriah', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-04-03', 'CUTI_BERSAMA', 'Cuti bersama Idulfitri 1446 Hijriah', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-04-04', 'CUTI_BERSAMA', 'Cuti bersama Idulfitri 1446 Hijriah', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-04-07', 'CUTI_BERSAMA', 'Cuti bersama Idulfitri 1446 Hijriah', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-04-18', 'NATIONAL_HOLIDAY', 'Wafat Yesus Kristus', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-04-20', 'NATIONAL_HOLIDAY', 'Kebangkitan Yesus Kristus (Paskah)', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-05-01', 'NATIONAL_HOLIDAY', 'Hari Buruh Internasional', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-05-12', 'NATIONAL_HOLIDAY', 'Hari Raya Waisak 2569 BE', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-05-13', 'CUTI_BERSAMA', 'Cuti bersama Hari Raya Waisak', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-05-29', 'NATIONAL_HOLIDAY', 'Kenaikan Yesus Kristus', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-05-30', 'CUTI_BERSAMA', 'Cuti bersama Kenaikan Yesus Kristus', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-06-01', 'NATIONAL_HOLIDAY', 'Hari Lahir Pancasila', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-06-06', 'NATIONAL_HOLIDAY', 'Iduladha 1446 Hijriah', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-06-09', 'CUTI_BERSAMA', 'Cuti bersama Iduladha 1446 Hijriah', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-06-27', 'NATIONAL_HOLIDAY', 'Tahun Baru Islam 1447 Hijriah', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-08-17', 'NATIONAL_HOLIDAY', 'Hari Kemerdekaan Republik Indonesia', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-08-18', 'CUTI_BERSAMA', 'Cuti bersama Hari Kemerdekaan Republik Indonesia', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-09-05', 'NATIONAL_HOLIDAY', 'Maulid Nabi Muhammad SAW', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-12-25', 'NATIONAL_HOLIDAY', 'Kelahiran Yesus Kristus (Natal)', 'SKB 3 Menteri libur nasional dan cuti bersama 2025'),
    ('2025-12-26', 'CUTI_BERSAMA', 'Cuti bersama Kelahiran Yesus Kristus', 'SKB 3 Menteri libur nasional dan cuti bersama 2025');

-- 2026 (SKB 3 Menteri 1497/2025): 17 libur nasional and 8 cuti bersama (240 Monday-Friday working days).
insert into national_holiday (date, kind, name, decree) values
    ('2026-01-01', 'NATIONAL_HOLIDAY', 'Tahun Baru 2026 Masehi', 'SKB 3 Menteri 1497/2025'),
    ('2026-01-16', 'NATIONAL_HOLIDAY', 'Isra Mikraj Nabi Muhammad SAW', 'SKB 3 Menteri 1497/2025'),
    ('2026-02-16', 'CUTI_BERSAMA', 'Cuti bersama Tahun Baru Imlek', 'SKB 3 Menteri 1497/2025'),
    ('2026-02-17', 'NATIONAL_HOLIDAY', 'Tahun Baru Imlek 2577 Kongzili', 'SKB 3 Menteri 1497/2025'),
    ('2026-03-18', 'CUTI_BERSAMA', 'Cuti bersama Hari Suci Nyepi', 'SKB 3 Menteri 1497/2025'),
    ('2026-03-19', 'NATIONAL_HOLIDAY', 'Hari Suci Nyepi Tahun Baru Saka 1948', 'SKB 3 Menteri 1497/2025'),
    ('2026-03-20', 'CUTI_BERSAMA', 'Cuti bersama Idulfitri 1447 Hijriah', 'SKB 3 Menteri 1497/2025'),
    ('2026-03-21', 'NATIONAL_HOLIDAY', 'Idulfitri 1447 Hijriah', 'SKB 3 Menteri 1497/2025'),
    ('2026-03-22', 'NATIONAL_HOLIDAY', 'Idulfitri 1447 Hijriah', 'SKB 3 Menteri 1497/2025'),
    ('2026-03-23', 'CUTI_BERSAMA', 'Cuti bersama Idulfitri 1447 Hijriah', 'SKB 3 Menteri 1497/2025'),
    ('2026-03-24', 'CUTI_BERSAMA', 'Cuti bersama Idulfitri 1447 Hijriah', 'SKB 3 Menteri 1497/2025'),
    ('2026-04-03', 'NATIONAL_HOLIDAY', 'Wafat Yesus Kristus', 'SKB 3 Menteri 1497/2025'),
    ('2026-04-05', 'NATIONAL_HOLIDAY', 'Kebangkitan Yesus Kristus (Paskah)', 'SKB 3 Menteri 1497/2025'),
    ('2026-05-01', 'NATIONAL_HOLIDAY', 'Hari Buruh Internasional', 'SKB 3 Menteri 1497/2025'),
    ('2026-05-14', 'NATIONAL_HOLIDAY', 'Kenaikan Yesus Kristus', 'SKB 3 Menteri 1497/2025'),
    ('2026-05-15', 'CUTI_BERSAMA', 'Cuti bersama Kenaikan Yesus Kristus', 'SKB 3 Menteri 1497/2025'),
    ('2026-05-27', 'NATIONAL_HOLIDAY', 'Iduladha 1447 Hijriah', 'SKB 3 Menteri 1497/2025'),
    ('2026-05-28', 'CUTI_BERSAMA', 'Cuti bersama Iduladha 1447 Hijriah', 'SKB 3 Menteri 1497/2025'),
    ('2026-05-31', 'NATIONAL_HOLIDAY', 'Hari Raya Waisak 2570 BE', 'SKB 3 Menteri 1497/2025'),
    ('2026-06-01', 'NATIONAL_HOLIDAY', 'Hari Lahir Pancasila', 'SKB 3 Menteri 1497/2025'),
    ('2026-06-16', 'NATIONAL_HOLIDAY', 'Tahun Baru Islam 1448 Hijriah', 'SKB 3 Menteri 1497/2025'),
    ('2026-08-17', 'NATIONAL_HOLIDAY', 'Hari Kemerdekaan Republik Indonesia', 'SKB 3 Menteri 1497/2025'),
    ('2026-08-25', 'NATIONAL_HOLIDAY', 'Maulid Nabi Muhammad SAW', 'SKB 3 Menteri 1497/2025'),
    ('2026-12-24', 'CUTI_BERSAMA', 'Cuti bersama Kelahiran Yesus Kristus', 'SKB 3 Menteri 1497/2025'),
    ('2026-12-25', 'NATIONAL_HOLIDAY', 'Kelahiran Yesus Kristus (Natal)', 'SKB 3 Menteri 1497/2025');
