import { money, slugify, type BusinessType, type IntegrationChoice, type Money, type ShippingMethod, type VerificationDocument } from '@dropship/core';

/** A curated demo supplier: everything its onboarding application and storefront need. */
export interface SupplierProfile {
  readonly slug: string;
  /** Upper-case SKU prefix, unique among the profiles. */
  readonly code: string;
  readonly companyName: string;
  readonly businessType: BusinessType;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly contactEmail: string;
  readonly phone: string;
  readonly website: string;
  readonly description: string;
  readonly logoUrl: string;
  readonly verificationDocuments: readonly VerificationDocument[];
  readonly shippingMethods: readonly ShippingMethod[];
  readonly fulfillmentSpeed: string;
  readonly minOrderValue: Money;
  readonly integration: IntegrationChoice;
  /** Leaf category slugs, main category first. */
  readonly categories: readonly string[];
  readonly stockBufferPercent: number;
  /** Size of the supplier's demo catalog (40–120). */
  readonly productCount: number;
}

const SHIPPING: Readonly<Record<string, readonly ShippingMethod[]>> = {
  ASIA: [
    { carrier: 'YunExpress', service: 'Global Direct Line', days: 9 },
    { carrier: 'Cainiao', service: 'Standard Shipping', days: 14 },
    { carrier: 'DHL Express', service: 'Worldwide', days: 4 },
  ],
  US: [
    { carrier: 'USPS', service: 'Ground Advantage', days: 4 },
    { carrier: 'UPS', service: 'Ground', days: 5 },
    { carrier: 'FedEx', service: '2Day', days: 2 },
  ],
  CA: [
    { carrier: 'Canada Post', service: 'Expedited Parcel', days: 4 },
    { carrier: 'UPS', service: 'Standard', days: 5 },
  ],
  GB: [
    { carrier: 'Royal Mail', service: 'Tracked 48', days: 2 },
    { carrier: 'DPD', service: 'Next Day', days: 1 },
  ],
  EU: [
    { carrier: 'DHL', service: 'Paket', days: 3 },
    { carrier: 'DPD', service: 'Classic', days: 4 },
    { carrier: 'UPS', service: 'Express Saver', days: 2 },
  ],
};

const REGION: Readonly<Record<string, string>> = { CN: 'ASIA', KR: 'ASIA', JP: 'ASIA', TW: 'ASIA', US: 'US', CA: 'CA', GB: 'GB' };

interface Raw {
  readonly name: string;
  readonly domain: string;
  readonly code: string;
  readonly type: BusinessType;
  readonly country: string;
  readonly phone: string;
  readonly description: string;
  readonly categories: readonly string[];
  readonly speed: string;
  readonly minOrderCents: number;
  readonly buffer?: number;
  readonly count: number;
}

const RAW: readonly Raw[] = [
  { name: 'Shenzhen Voltline Electronics', domain: 'voltline', code: 'VOLT', type: 'MANUFACTURER', country: 'CN', phone: '+86 755 2831 4470',
    description: 'Voltline designs and manufactures charging accessories in its own Shenzhen factory since 2012. Every cable and charger is bend- and load-tested in-house before it ships. ODM and white-label programs are available for established retailers.',
    categories: ['chargers-cables', 'audio', 'smart-home'], speed: '2-3 days', minOrderCents: 0, count: 110 },
  { name: 'Nordhaus Home Goods', domain: 'nordhaus', code: 'NORD', type: 'DISTRIBUTOR', country: 'DE', phone: '+49 40 3098 1120',
    description: 'Nordhaus curates Scandinavian-inspired kitchenware, storage and decor from small European workshops. Orders ship from our Hamburg warehouse within two working days.',
    categories: ['kitchen', 'storage', 'decor'], speed: '1-2 days', minOrderCents: 2500, count: 95 },
  { name: 'Atelier Lumen Fashion', domain: 'atelier-lumen', code: 'LUMN', type: 'MANUFACTURER', country: 'FR', phone: '+33 1 84 88 21 07',
    description: 'Atelier Lumen is a Lyon-based label producing capsule collections in natural fibres. Small runs, traceable fabrics and timeless cuts. New drops every season.',
    categories: ['womens-apparel', 'jewelry', 'bags'], speed: '2-3 days', minOrderCents: 0, count: 80 },
  { name: 'Guangzhou Pearlcase Accessories', domain: 'pearlcase', code: 'PRLC', type: 'MANUFACTURER', country: 'CN', phone: '+86 20 3722 9081',
    description: 'Pearlcase makes protective phone cases for every major model, with new designs ready on launch day. Our anti-yellowing clear cases are a best-seller with over 4,000 retailers.',
    categories: ['phone-cases', 'chargers-cables'], speed: '1-2 days', minOrderCents: 0, count: 120 },
  { name: 'Brightwater Pet Co.', domain: 'brightwater-pet', code: 'BWPT', type: 'WHOLESALER', country: 'US', phone: '+1 503 555 0147',
    description: 'Brightwater supplies vet-approved accessories for dogs and cats from its Portland fulfilment centre. We stock durable everyday essentials that pet parents reorder again and again.',
    categories: ['dog-supplies', 'cat-supplies'], speed: '1-2 days', minOrderCents: 0, count: 70 },
  { name: 'Kestrel Outdoor Supply', domain: 'kestrel-outdoor', code: 'KSTR', type: 'DISTRIBUTOR', country: 'CA', phone: '+1 604 555 0190',
    description: 'Kestrel distributes trail-tested camping, hiking and training gear across North America. Every product is field-tested by our team in the Coast Mountains before we list it.',
    categories: ['camping-hiking', 'fitness', 'outdoor-lighting'], speed: '2-3 days', minOrderCents: 5000, count: 85 },
  { name: 'Seoul Dewdrop Cosmetics', domain: 'dewdrop', code: 'DEWD', type: 'MANUFACTURER', country: 'KR', phone: '+82 2 3445 7712',
    description: 'Dewdrop formulates gentle K-beauty skincare and hair care in its GMP-certified Seoul laboratory. All products are vegan, cruelty-free and dermatologically tested.',
    categories: ['skincare', 'hair-care'], speed: '2-3 days', minOrderCents: 3000, buffer: 95, count: 75 },
  { name: 'Tecelagem Atlântico Linens', domain: 'atlantico-linens', code: 'ATLN', type: 'MANUFACTURER', country: 'PT', phone: '+351 22 600 4381',
    description: 'A family-run weaving mill in northern Portugal, producing bedding and home textiles since 1968. OEKO-TEX certified, with linen and organic cotton woven on site.',
    categories: ['bedding', 'decor'], speed: '3-5 days', minOrderCents: 10000, count: 60 },
  { name: 'Little Sprout Baby Goods', domain: 'little-sprout', code: 'SPRT', type: 'WHOLESALER', country: 'GB', phone: '+44 117 496 0321',
    description: 'Little Sprout is a Bristol wholesaler of safety-tested feeding, nursery and early-learning products. We work with independent brands that share our focus on non-toxic materials.',
    categories: ['baby-feeding', 'nursery', 'educational-toys'], speed: '1-2 days', minOrderCents: 0, count: 65 },
  { name: 'Hangzhou Silkroad Apparel', domain: 'silkroad-apparel', code: 'SLKR', type: 'MANUFACTURER', country: 'CN', phone: '+86 571 8690 2254',
    description: 'Silkroad is a vertically integrated garment manufacturer with 600 staff and BSCI-audited facilities. We produce menswear and womenswear basics at scale, with low minimums for dropshipping partners.',
    categories: ['mens-apparel', 'womens-apparel'], speed: '3-5 days', minOrderCents: 0, buffer: 80, count: 100 },
  { name: 'Meridian Office Works', domain: 'meridian-office', code: 'MRDN', type: 'DISTRIBUTOR', country: 'US', phone: '+1 312 555 0168',
    description: 'Meridian distributes ergonomic desk accessories and premium stationery to retailers across the US. Same-day dispatch on orders received before 2 pm Central.',
    categories: ['desk-accessories', 'stationery'], speed: 'same day', minOrderCents: 0, count: 70 },
  { name: 'Tidewater Auto Accessories', domain: 'tidewater-auto', code: 'TIDE', type: 'WHOLESALER', country: 'US', phone: '+1 757 555 0113',
    description: 'Tidewater stocks in-car electronics and detailing supplies in its Virginia warehouse. Competitive wholesale pricing and reliable ground shipping to all 50 states.',
    categories: ['car-electronics', 'car-care'], speed: '1-2 days', minOrderCents: 2000, buffer: 80, count: 55 },
  { name: 'Greenfinch Garden Supply', domain: 'greenfinch', code: 'GRNF', type: 'DISTRIBUTOR', country: 'NL', phone: '+31 20 794 5530',
    description: 'Greenfinch brings Dutch horticultural know-how to planters, tools and solar lighting. We ship from Amsterdam to retailers across the EU and UK.',
    categories: ['planters-tools', 'outdoor-lighting'], speed: '2-3 days', minOrderCents: 5000, count: 60 },
  { name: 'Hinoki Wellness Co.', domain: 'hinoki-wellness', code: 'HNKI', type: 'DISTRIBUTOR', country: 'JP', phone: '+81 3 4578 2210',
    description: 'Hinoki sources calming sleep and recovery products inspired by Japanese wellness traditions. Every item is selected for quiet, natural design and lasting quality.',
    categories: ['sleep-relaxation', 'massage-recovery'], speed: '2-3 days', minOrderCents: 0, count: 60 },
  { name: 'Puzzleworks Games Ltd', domain: 'puzzleworks', code: 'PZLW', type: 'MANUFACTURER', country: 'GB', phone: '+44 161 496 0872',
    description: 'Puzzleworks designs and prints jigsaw puzzles and family games in Manchester. We use recycled board and plastic-free packaging throughout.',
    categories: ['board-games-puzzles', 'educational-toys'], speed: '1-2 days', minOrderCents: 0, count: 45 },
  { name: 'Taichung Ironpeak Fitness', domain: 'ironpeak', code: 'IRPK', type: 'MANUFACTURER', country: 'TW', phone: '+886 4 2358 6604',
    description: 'Ironpeak manufactures home-gym equipment and recovery tools for global sports brands. Our Taichung plant holds ISO 9001 and ISO 20957 certifications.',
    categories: ['fitness', 'massage-recovery'], speed: '3-5 days', minOrderCents: 7500, count: 65 },
  { name: 'Aurelia Fine Jewelry', domain: 'aurelia', code: 'AURL', type: 'MANUFACTURER', country: 'IT', phone: '+39 0444 188 3350',
    description: 'Aurelia crafts sterling silver and gold-plated jewelry in Vicenza, the heart of Italian goldsmithing. Each piece is hallmarked and hand-polished.',
    categories: ['jewelry'], speed: '2-3 days', minOrderCents: 0, buffer: 95, count: 55 },
  { name: 'Cuero Sierra Leatherworks', domain: 'cuero-sierra', code: 'CSLW', type: 'MANUFACTURER', country: 'ES', phone: '+34 958 21 4470',
    description: 'Cuero Sierra is an Andalusian workshop making bags and small leather goods from tannery-certified hides. Vegan leather alternatives are available for most styles.',
    categories: ['bags', 'jewelry'], speed: '3-5 days', minOrderCents: 0, count: 50 },
  { name: 'Pacific Crest Trading', domain: 'pacific-crest', code: 'PCFC', type: 'WHOLESALER', country: 'US', phone: '+1 310 555 0184',
    description: 'Pacific Crest is a general-merchandise wholesaler with fast-moving products across home, tech, pet and fitness. Over 40,000 m² of warehouse space in Los Angeles keeps best-sellers in stock.',
    categories: ['kitchen', 'smart-home', 'dog-supplies', 'stationery', 'fitness', 'storage'], speed: '1-2 days', minOrderCents: 0, count: 120 },
  { name: 'Lumiq Smart Living', domain: 'lumiq', code: 'LUMQ', type: 'DISTRIBUTOR', country: 'SE', phone: '+46 8 123 456 70',
    description: 'Lumiq distributes connected lighting and smart-home devices with a Scandinavian eye for design. All devices support Matter and come with Swedish-language support.',
    categories: ['smart-home', 'outdoor-lighting', 'decor'], speed: '2-3 days', minOrderCents: 2500, count: 60 },
];

function toProfile(r: Raw): SupplierProfile {
  const slug = slugify(r.name);
  return {
    slug,
    code: r.code,
    companyName: r.name,
    businessType: r.type,
    country: r.country,
    contactEmail: `sales@${r.domain}.example.com`,
    phone: r.phone,
    website: `https://www.${r.domain}.example.com`,
    description: r.description,
    logoUrl: `https://picsum.photos/seed/${slug}/200/200`,
    verificationDocuments: [
      { type: 'BUSINESS_REGISTRATION', reference: `${r.country}-${r.code}-REG-0001` },
      { type: 'TAX_ID', reference: `${r.country}-${r.code}-TAX-0001` },
    ],
    shippingMethods: SHIPPING[REGION[r.country] ?? 'EU'] ?? [],
    fulfillmentSpeed: r.speed,
    minOrderValue: money(r.minOrderCents, 'USD'),
    integration: { adapter: 'supplier-portal', options: {} },
    categories: r.categories,
    stockBufferPercent: r.buffer ?? 90,
    productCount: r.count,
  };
}

/** The 20 curated demo suppliers, in a stable order. */
export const SUPPLIER_PROFILES: readonly SupplierProfile[] = RAW.map(toProfile);
