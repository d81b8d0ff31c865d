import type { FieldError } from '../shared/domain-error';

/** Where a store ships an order: the shape Shopify/WooCommerce use. Stored encrypted (personal data). */
export interface ShippingAddress {
  readonly name: string;
  readonly company?: string;
  readonly address1: string;
  readonly address2?: string;
  readonly city: string;
  readonly province?: string;
  readonly zip: string;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
  readonly phone?: string;
  readonly email?: string;
}

/** ISO 3166-1 alpha-2 codes (officially assigned). */
const COUNTRIES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
    'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

export const isCountryCode = (c: string): boolean => COUNTRIES.has(c);

const FIELDS: readonly (keyof ShippingAddress)[] = ['name', 'company', 'address1', 'address2', 'city', 'province', 'zip', 'country', 'phone', 'email'];
const REQUIRED: readonly (keyof ShippingAddress)[] = ['name', 'address1', 'city', 'zip', 'country'];

/** Trims every field, drops empty optional ones and upper-cases the country. */
export function normalizeAddress(a: ShippingAddress): ShippingAddress {
  const out: Record<string, string> = {};
  for (const f of FIELDS) {
    const v = a[f]?.trim();
    if (v) out[f] = f === 'country' ? v.toUpperCase() : v;
  }
  return out as unknown as ShippingAddress;
}

/** Business rules of an address (the API schema already bounds lengths). */
export function validateAddress(a: ShippingAddress, path = '/shippingAddress'): FieldError[] {
  const e: FieldError[] = [];
  for (const f of REQUIRED) if (!a[f]?.trim()) e.push({ path: `${path}/${f}`, message: 'is required' });
  if (a.country?.trim() && !isCountryCode(a.country.trim().toUpperCase())) {
    e.push({ path: `${path}/country`, message: 'must be an ISO 3166-1 alpha-2 country code such as "US" or "DE"' });
  }
  if (a.email?.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a.email.trim())) e.push({ path: `${path}/email`, message: 'must be an email address' });
  return e;
}
