-- Room on each page of application for the row's next version: a transition that keeps the status, due date and
-- decision date (a stage approved, a claim's history) then updates in place on the same page (a HOT update) and
-- writes none of the table's seven indexes. Pages written from now on keep 20 % free; older pages gain it when
-- vacuum or a rewrite reaches them.
alter table application set (fillfactor = 80);
