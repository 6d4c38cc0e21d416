-- The depositary's published count of parties (with its date and source), so that the product can say
-- where its dated records are incomplete instead of showing a lower figure as if it were complete.
alter table instrument add column published jsonb;
