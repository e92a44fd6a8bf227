-- Catalog sync: why a product or promotion code is not (yet) on the business's Stripe account, so
-- the coach sees "saved, not yet synced" with a reason until a later save or sync succeeds; and what
-- the synced Stripe price stands for (amount, currency, interval), since Stripe prices are
-- immutable and a change needs a new one.
ALTER TABLE offers
    ADD COLUMN sync_error    varchar(500),
    ADD COLUMN synced_price  varchar(64);
ALTER TABLE promotion_codes ADD COLUMN sync_error varchar(500);
