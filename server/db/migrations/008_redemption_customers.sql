-- Which customer redeemed, when the till knows (a loyalty card): the campaign's conversion counts distinct customers,
-- and a customer in the holdout is refused. Optional: a redemption without one still counts. Erasing a customer
-- clears it (the index finds their redemptions) and keeps the redemption, anonymous.
ALTER TABLE redemptions ADD COLUMN customer_id TEXT;
CREATE INDEX redemptions_customer ON redemptions(customer_id) WHERE customer_id IS NOT NULL;
