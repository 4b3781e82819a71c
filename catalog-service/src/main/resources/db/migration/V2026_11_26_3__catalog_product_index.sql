-- The catalog reaches an operator's products through this index and, with the validity dates in it, decides whether
-- each is PUBLISHED and valid today without reading the product's row (an index-only scan): a partner's catalog
-- covers thousands of products, and only the page's fifty are read in full. It replaces product_by_operator.
create index product_catalog on product (operator_organisation_id, status, id) include (valid_from, valid_to);
drop index product_by_operator;
