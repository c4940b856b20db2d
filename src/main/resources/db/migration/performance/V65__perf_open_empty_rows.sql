-- Every fold removes the open-application rows whose count has come back to zero. Without an index that was a
-- scan of the whole table every few seconds, which grows with every region's open applications; this partial index
-- holds only the zero rows, so the delete reads just them.
create index perf_open_empty_idx on perf_open (tenant_id) where n = 0;
