export const CARRIERS = ['UPS', 'USPS', 'FEDEX', 'DHL'] as const;
export type Carrier = (typeof CARRIERS)[number];

/** Public tracking pages; `{n}` is the URL-encoded tracking number. */
const TRACKING_URL: Readonly<Record<Carrier, string>> = {
  UPS: 'https://www.ups.com/track?tracknum={n}',
  USPS: 'https://tools.usps.com/go/TrackConfirmAction?tLabels={n}',
  FEDEX: 'https://www.fedex.com/fedextrack/?trknbr={n}',
  DHL: 'https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id={n}',
};

/**
 * Number formats, most specific first (USPS and FedEx both use long digit runs: the USPS IMpb
 * prefixes 92–95 and the 20/22-digit lengths decide). A number matching none is left undetected
 * rather than guessed.
 */
const PATTERNS: readonly (readonly [Carrier, RegExp])[] = [
  ['UPS', /^1Z[0-9A-Z]{16}$/],
  ['UPS', /^(T\d{10}|\d{9}|\d{26})$/],
  ['USPS', /^(9[2-5]\d{20}|9[2-5]\d{24}|82\d{8})$/],
  ['USPS', /^[A-Z]{2}\d{9}US$/],
  ['DHL', /^(JJD\d{16,18}|JVGL\d{6,}|3S[A-Z0-9]{8,}|GM\d{16,18}|[A-Z]{3}\d{7})$/],
  ['FEDEX', /^(\d{12}|\d{15}|96\d{20}|\d{20})$/],
  ['DHL', /^\d{10}$/],
];

/** Tracking numbers as people paste them: spaces and dashes removed, upper-cased. */
export const normalizeTrackingNumber = (raw: string): string => raw.replace(/[\s-]+/g, '').toUpperCase();

/** The carrier a tracking number belongs to, or null when the format is not recognised. */
export function detectCarrier(trackingNumber: string): Carrier | null {
  const n = normalizeTrackingNumber(trackingNumber);
  for (const [carrier, re] of PATTERNS) if (re.test(n)) return carrier;
  return null;
}

/** Parses a carrier name as suppliers type it ("FedEx", "dhl express", "U.S.P.S."). */
export function parseCarrier(name: string): Carrier | null {
  const k = name.toUpperCase().replace(/[^A-Z]/g, '');
  if (k.startsWith('UPS')) return 'UPS';
  if (k.startsWith('USPS') || k === 'USPOSTALSERVICE') return 'USPS';
  if (k.startsWith('FEDEX') || k === 'FEDERALEXPRESS') return 'FEDEX';
  if (k.startsWith('DHL')) return 'DHL';
  return null;
}

/** The public tracking page of a known carrier. */
export function trackingUrl(carrier: Carrier, trackingNumber: string): string {
  return TRACKING_URL[carrier].replace('{n}', encodeURIComponent(normalizeTrackingNumber(trackingNumber)));
}
