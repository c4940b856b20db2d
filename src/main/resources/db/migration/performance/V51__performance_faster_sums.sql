-- perf_add in PL/pgSQL: adding in place element by element is many times faster than unnest + array_agg per
-- call, and the aggregate perf_sum calls it once per rollup row a dashboard reads.
create or replace function perf_add(a int[], b int[]) returns int[] language plpgsql immutable parallel safe as $$
declare
    i int;
begin
    if a is null then
        return b;
    elsif b is null then
        return a;
    elsif cardinality(b) > cardinality(a) then
        return perf_add(b, a);
    end if;
    for i in 1 .. cardinality(b) loop
        a[i] := a[i] + coalesce(b[i], 0);
    end loop;
    return a;
end $$;
