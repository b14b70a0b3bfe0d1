-- Which customer redeemed, when the till knows (a loyalty card): the campaign's conversion counts distinct customers,
-- and a customer in the holdout is refused. Optional: a redemption without one still counts.
ALTER TABLE redemptions ADD COLUMN customer_id TEXT;
CREATE INDEX redemptions_campaign_customer ON redemptions(campaign_id, customer_id) WHERE customer_id IS NOT NULL;
