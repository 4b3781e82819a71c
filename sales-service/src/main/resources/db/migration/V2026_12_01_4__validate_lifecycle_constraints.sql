-- Validates what V2026_12_01_2 added NOT VALID, in a transaction of its own: VALIDATE CONSTRAINT scans the table
-- under a lock that lets sales go on.
alter table sales_order validate constraint sales_order_status;
alter table sales_order validate constraint sales_order_draft_expires;
alter table order_line validate constraint order_line_credit_id_fkey;
alter table ticket validate constraint ticket_status;
