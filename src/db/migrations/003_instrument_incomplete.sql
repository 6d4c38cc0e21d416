-- Instruments whose dated records are known to miss parties say so in words, shown beside every figure.
alter table instrument add column incomplete text;
