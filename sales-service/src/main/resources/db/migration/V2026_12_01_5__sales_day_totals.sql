-- The day totals sales-service publishes for reconciliation (SalesDayTotals): an order counts on the day of its first
-- confirmation, a refund on the day of its credit.
-- confirmed_at: when the order was first confirmed (last_confirmed_at moves on with each refund). Orders confirmed before
-- this migration take the time they were paid, which a one-call sale shares with its confirmation.
alter table sales_order add column confirmed_at timestamptz;
update sales_order set confirmed_at = coalesce(paid_at, last_confirmed_at) where status = 'CONFIRMED';
create index sales_order_by_confirmation on sales_order (confirmed_at) where confirmed_at is not null;
create index order_credit_by_time on order_credit (created_at);

-- The days whose totals were published: a replica publishes a day only if it inserts its row first.
create table sales_day_published (
    sales_date    date primary key,
    partners      integer     not null,
    published_at  timestamptz not null
);
