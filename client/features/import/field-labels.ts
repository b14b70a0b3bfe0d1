// The words for the import's fields: each field the server takes (server/domain/import/fields.ts) gets a label and,
// where a name alone does not say enough, a short hint, both from the i18n catalogs. A test checks that none is missing.
import type { MessageKey, Translate } from '../../i18n/types';

const labels = {
  id: 'import.field.id',
  firstName: 'import.field.firstName',
  email: 'import.field.email',
  phone: 'import.field.phone',
  age: 'import.field.age',
  gender: 'import.field.gender',
  jobTitle: 'import.field.jobTitle',
  industry: 'import.field.industry',
  interests: 'import.field.interests',
  loyaltyTier: 'import.field.loyaltyTier',
  visits: 'import.field.visits',
  totalSpend: 'import.field.totalSpend',
  lastPurchaseAt: 'import.field.lastPurchaseAt',
  consent: 'import.field.consent',
  homeStoreId: 'import.field.homeStoreId',
  lat: 'import.field.lat',
  lng: 'import.field.lng',
  location: 'import.field.location',
  name: 'import.field.name',
  brand: 'import.field.brand',
  franchisee: 'import.field.franchisee',
  address: 'import.field.address',
  postcode: 'import.field.postcode',
  city: 'import.field.city',
  attractiveness: 'import.field.attractiveness',
  opened: 'import.field.opened',
  population: 'import.field.population',
  geometry: 'import.field.geometry',
  customerId: 'import.field.customerId',
  storeId: 'import.field.storeId',
  purchasedAt: 'import.field.purchasedAt',
  amount: 'import.field.amount',
  discount: 'import.field.discount',
  productCategory: 'import.field.productCategory',
} as const satisfies Record<string, MessageKey>;

const hints = {
  id: 'import.field.id.hint',
  firstName: 'import.field.firstName.hint',
  email: 'import.field.email.hint',
  phone: 'import.field.phone.hint',
  age: 'import.field.age.hint',
  gender: 'import.field.gender.hint',
  interests: 'import.field.interests.hint',
  loyaltyTier: 'import.field.loyaltyTier.hint',
  postcode: 'import.field.postcode.hint',
  visits: 'import.field.visits.hint',
  totalSpend: 'import.field.totalSpend.hint',
  lastPurchaseAt: 'import.field.lastPurchaseAt.hint',
  consent: 'import.field.consent.hint',
  homeStoreId: 'import.field.homeStoreId.hint',
  lat: 'import.field.lat.hint',
  lng: 'import.field.lng.hint',
  location: 'import.field.location.hint',
  name: 'import.field.name.hint',
  brand: 'import.field.brand.hint',
  attractiveness: 'import.field.attractiveness.hint',
  opened: 'import.field.opened.hint',
  population: 'import.field.population.hint',
  geometry: 'import.field.geometry.hint',
  customerId: 'import.field.customerId.hint',
  storeId: 'import.field.storeId.hint',
  purchasedAt: 'import.field.purchasedAt.hint',
  amount: 'import.field.amount.hint',
  discount: 'import.field.discount.hint',
} as const satisfies Partial<Record<keyof typeof labels, MessageKey>>;

const known = (name: string): name is keyof typeof labels => Object.hasOwn(labels, name);

/** The field's label in the active language; an unknown field keeps its name. @example fieldLabel(t, 'homeStoreId') // 'Home store' */
export const fieldLabel = (t: Translate, name: string): string =>
  known(name) ? t(labels[name]) : name;

/** The field's hint, or '' when its label says it all. */
export function fieldHint(t: Translate, name: string): string {
  const key = known(name) && Object.hasOwn(hints, name) ? hints[name as keyof typeof hints] : null;
  return key ? t(key) : '';
}

/** The field names that have a label, for the test that every import field has one. */
export const labelledFields = Object.keys(labels);
