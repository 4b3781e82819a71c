-- The distribution channels a product may be sold in (catalog's Product.v1 distributionChannels). Null for a product
-- projected before this column existed, until catalog publishes its state again: the channel is then not checked.
alter table product_projection add column distribution_channels varchar(100)[];
