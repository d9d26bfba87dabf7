/**
 * The raw material of the seeded catalogue: invented brands and product
 * families. Kept apart from the generator so the data can grow without
 * touching the logic that guarantees uniqueness and determinism.
 */

import type { CategoryId } from '../contract/constants';

export { CATEGORIES, type CategoryId } from '../contract/constants';

/** Index order matters: on-hand levels are stored as arrays aligned with it. */
export const LOCATIONS = [
  { id: 'edison-nj', name: 'Edison, NJ' },
  { id: 'ontario-ca', name: 'Ontario, CA' },
  { id: 'dallas-tx', name: 'Dallas, TX' },
] as const;

const LOCATION_INDEX = new Map<string, number>(LOCATIONS.map((l, i) => [l.id, i]));
/** Where a location stands in LOCATIONS; undefined for an id that is none of them. */
export function locationIndex(id: string): number | undefined {
  return LOCATION_INDEX.get(id);
}

export type Brand = { name: string; code: string };

export const BRANDS: readonly Brand[] = [
  { name: 'Volt', code: 'VLT' },
  { name: 'AirLoop', code: 'ALP' },
  { name: 'Braidwire', code: 'BRW' },
  { name: 'Kinetic', code: 'KNT' },
  { name: 'Lumen', code: 'LMN' },
  { name: 'Pulse', code: 'PLS' },
  { name: 'Nimbus', code: 'NMB' },
  { name: 'Arcwave', code: 'ARC' },
  { name: 'Halo', code: 'HLO' },
  { name: 'Tether', code: 'TTH' },
  { name: 'Forge', code: 'FRG' },
  { name: 'Everlink', code: 'EVL' },
  { name: 'Orbit', code: 'ORB' },
  { name: 'Stratus', code: 'STR' },
  { name: 'Quill', code: 'QLL' },
  { name: 'Northpeak', code: 'NPK' },
  { name: 'Sonique', code: 'SNQ' },
  { name: 'Ampere & Co.', code: 'AMP' },
  { name: 'Hearth', code: 'HRT' },
  { name: 'Mosaic', code: 'MSC' },
];

/** Title modifiers: they multiply the distinct titles so 50,000 products rarely repeat one. */
export const MODEL_SUFFIXES = ['', ' Pro', ' Mini', ' Max', ' Plus', ' Lite', ' Sport', ' 2', ' 3', ' SE', ' Go', ' Air'];

export type OptionTemplate = {
  name: string;
  /** value → [SKU code, price difference in whole dollars] */
  values: readonly (readonly [string, string, number])[];
  /** How many values a product offers: [min, max]. */
  pick: readonly [number, number];
};

export type Family = {
  code: string;
  category: CategoryId;
  /** The noun phrase after the brand; one is chosen per product. */
  nouns: readonly string[];
  /** An optional spec in the title before the noun ("20,000 mAh"), with its price step. */
  specs?: readonly (readonly [string, number])[];
  options: readonly OptionTemplate[];
  /** Base price range in whole dollars (the generator adds the .99/.49 ending). */
  price: readonly [number, number];
  weight: readonly [number, number];
  tags: readonly string[];
  features: readonly string[];
};

const COLORS: OptionTemplate['values'] = [
  ['Black', 'BLK', 0],
  ['White', 'WHT', 0],
  ['Midnight Blue', 'NVY', 0],
  ['Sage Green', 'SGE', 1],
  ['Sand', 'SND', 1],
  ['Coral', 'CRL', 1],
  ['Graphite', 'GPH', 0],
  ['Lavender', 'LAV', 1],
];
const color = (min: number, max: number): OptionTemplate => ({ name: 'Color', values: COLORS, pick: [min, max] });

const cableLength: OptionTemplate = {
  name: 'Length',
  values: [
    ['0.5 m', '05M', -2],
    ['1 m', '1M', 0],
    ['2 m', '2M', 3],
    ['3 m', '3M', 5],
  ],
  pick: [1, 3],
};

const phoneModel: OptionTemplate = {
  name: 'Model',
  values: [
    ['iPhone 17', 'IP17', 0],
    ['iPhone 17 Pro', 'IP17P', 0],
    ['iPhone 17 Pro Max', 'IP17PM', 2],
    ['iPhone 16', 'IP16', 0],
    ['Galaxy S26', 'GS26', 0],
    ['Galaxy S26 Ultra', 'GS26U', 2],
    ['Pixel 10', 'PX10', 0],
    ['Pixel 10 Pro', 'PX10P', 0],
  ],
  pick: [2, 3],
};

const packOf: OptionTemplate = {
  name: 'Pack',
  values: [
    ['1-pack', 'P1', 0],
    ['2-pack', 'P2', 12],
    ['4-pack', 'P4', 30],
  ],
  pick: [1, 3],
};

export const FAMILIES: readonly Family[] = [
  // ---------------------------------------------------------------- audio
  {
    code: 'EB',
    category: 'audio',
    nouns: ['Wireless Earbuds', 'Noise-Cancelling Earbuds', 'True Wireless Earbuds', 'Open-Ear Earbuds'],
    options: [color(1, 3)],
    price: [29, 179],
    weight: [45, 70],
    tags: ['wireless', 'bluetooth', 'anc'],
    features: [
      'Up to 32 hours of playback with the charging case',
      'Adaptive noise cancelling with transparency mode',
      'IPX4 sweat and splash resistance',
      'Multipoint pairing with two devices at once',
    ],
  },
  {
    code: 'HP',
    category: 'audio',
    nouns: ['Over-Ear Headphones', 'On-Ear Headphones', 'Studio Headphones'],
    options: [color(1, 3)],
    price: [49, 199],
    weight: [190, 320],
    tags: ['wireless', 'bluetooth', 'anc'],
    features: [
      'Memory-foam cushions for all-day comfort',
      'Folds flat into the included travel case',
      '40 mm dynamic drivers tuned for clear vocals',
      'USB-C fast charge: 10 minutes for 5 hours',
    ],
  },
  {
    code: 'SP',
    category: 'audio',
    nouns: ['Portable Bluetooth Speaker', 'Waterproof Speaker', 'Mini Speaker'],
    options: [color(1, 4)],
    price: [24, 149],
    weight: [220, 900],
    tags: ['wireless', 'bluetooth', 'outdoor'],
    features: [
      'IP67 dust- and waterproof: it floats',
      '360° sound with a passive bass radiator',
      'Pairs two speakers for stereo',
      'Built-in strap clips to a backpack',
    ],
  },
  {
    code: 'WE',
    category: 'audio',
    nouns: ['USB-C Wired Earphones', 'In-Ear Monitors'],
    options: [color(1, 2)],
    price: [12, 59],
    weight: [15, 30],
    tags: ['usb-c', 'wired'],
    features: ['Inline remote and microphone for calls', 'Tangle-resistant flat cable', 'Three sizes of silicone tips included'],
  },
  // ---------------------------------------------------------------- wearables
  {
    code: 'WB',
    category: 'wearables',
    nouns: ['Sport Loop Watch Band', 'Silicone Watch Band', 'Leather Watch Band', 'Milanese Watch Band'],
    options: [
      {
        name: 'Size',
        values: [
          ['41 mm', '41', 0],
          ['45 mm', '45', 0],
          ['49 mm', '49', 2],
        ],
        pick: [1, 2],
      },
      color(1, 3),
    ],
    price: [9, 49],
    weight: [20, 60],
    tags: ['smartwatch', 'band'],
    features: ['Quick-release pins: swap bands without tools', 'Breathable, sweat-resistant material', 'Fits wrists from 130 to 200 mm'],
  },
  {
    code: 'FT',
    category: 'wearables',
    nouns: ['Fitness Tracker', 'Sleep Tracker Band', 'Heart-Rate Monitor Band'],
    options: [color(1, 3)],
    price: [39, 129],
    weight: [22, 40],
    tags: ['fitness', 'health', 'bluetooth'],
    features: [
      'Seven-day battery life',
      'Continuous heart-rate and SpO2 tracking',
      'Water-resistant to 50 m',
      'Sleep stages and a morning readiness score',
    ],
  },
  {
    code: 'SR',
    category: 'wearables',
    nouns: ['Smart Ring'],
    options: [
      {
        name: 'Size',
        values: [
          ['6', 'S6', 0],
          ['7', 'S7', 0],
          ['8', 'S8', 0],
          ['9', 'S9', 0],
          ['10', 'S10', 0],
          ['11', 'S11', 0],
          ['12', 'S12', 0],
        ],
        pick: [3, 6],
      },
    ],
    price: [149, 199],
    weight: [4, 6],
    tags: ['fitness', 'health', 'new'],
    features: ['Titanium shell, 2.5 mm thin', 'Tracks sleep, temperature and activity', 'Five-day battery with a compact charging dock'],
  },
  {
    code: 'WC',
    category: 'wearables',
    nouns: ['Magnetic Watch Charger', 'Watch Charging Stand'],
    options: [cableLength],
    price: [14, 39],
    weight: [30, 120],
    tags: ['smartwatch', 'usb-c'],
    features: ['Magnetic puck aligns itself', 'Nightstand mode friendly angle', 'USB-C connector for any modern adapter'],
  },
  // ---------------------------------------------------------------- power
  {
    code: 'PB',
    category: 'power',
    nouns: ['USB-C Power Bank', 'Slim Power Bank', 'Power Bank with Built-In Cable'],
    specs: [
      ['5,000 mAh', 0],
      ['10,000 mAh', 10],
      ['20,000 mAh', 25],
      ['26,800 mAh', 45],
    ],
    options: [color(1, 3)],
    price: [19, 89],
    weight: [110, 520],
    tags: ['usb-c', 'portable', 'travel'],
    features: [
      'Charges a phone up to four times',
      'Pass-through charging',
      'TSA-friendly capacity for carry-on bags',
      'LED display shows the exact charge left',
    ],
  },
  {
    code: 'WA',
    category: 'power',
    nouns: ['GaN Wall Charger', 'Dual-Port Wall Charger', 'Compact USB-C Charger'],
    specs: [
      ['20W', 0],
      ['30W', 6],
      ['45W', 12],
      ['65W', 22],
      ['100W', 40],
      ['140W', 60],
    ],
    options: [color(1, 2)],
    price: [14, 59],
    weight: [35, 210],
    tags: ['usb-c', 'fast-charging', 'gan'],
    features: ['GaN II: cooler and smaller than silicon chargers', 'Foldable prongs for travel', 'USB Power Delivery 3.1 and PPS'],
  },
  {
    code: 'MB',
    category: 'power',
    nouns: ['MagSafe Battery Pack', 'Magnetic Wireless Power Bank'],
    specs: [
      ['5,000 mAh', 0],
      ['10,000 mAh', 15],
    ],
    options: [color(1, 4)],
    price: [29, 79],
    weight: [120, 230],
    tags: ['magsafe', 'wireless', 'portable'],
    features: ['Snaps onto MagSafe iPhones and cases', 'Kickstand folds out for video calls', '15W wireless output'],
  },
  {
    code: 'CC',
    category: 'power',
    nouns: ['Car Charger', 'Dual USB-C Car Charger'],
    specs: [
      ['30W', 0],
      ['48W', 5],
      ['60W', 9],
    ],
    options: [color(1, 1)],
    price: [12, 39],
    weight: [25, 60],
    tags: ['usb-c', 'car', 'fast-charging'],
    features: [
      'Flush-fit design for any 12 V socket',
      'Charges two phones at full speed',
      'Soft blue ring light finds the socket at night',
    ],
  },
  // ---------------------------------------------------------------- cables & chargers
  {
    code: 'CL',
    category: 'cables-chargers',
    nouns: ['Braided USB-C to Lightning Cable', 'USB-C to Lightning Cable'],
    options: [cableLength, color(1, 2)],
    price: [9, 29],
    weight: [25, 70],
    tags: ['usb-c', 'lightning', 'braided'],
    features: ['MFi certified for iPhone', 'Braided nylon survives 30,000 bends', 'Supports 27W fast charging'],
  },
  {
    code: 'CC2',
    category: 'cables-chargers',
    nouns: ['Braided USB-C to USB-C Cable', '240W USB-C Cable', 'USB4 Cable'],
    options: [cableLength, color(1, 2)],
    price: [9, 39],
    weight: [25, 90],
    tags: ['usb-c', 'braided', 'fast-charging'],
    features: ['Carries up to 240W for laptops', 'E-marker chip for safe fast charging', 'Reinforced strain relief at both ends'],
  },
  {
    code: 'CA',
    category: 'cables-chargers',
    nouns: ['USB-A to USB-C Cable', 'Right-Angle USB-C Cable'],
    options: [cableLength],
    price: [6, 19],
    weight: [20, 60],
    tags: ['usb-c'],
    features: ['Works with older USB-A chargers and ports', 'Data transfer at 480 Mbps', 'Velcro tie included'],
  },
  {
    code: 'HB',
    category: 'cables-chargers',
    nouns: ['7-in-1 USB-C Hub', '4-Port USB-C Adapter', 'USB-C to HDMI Adapter'],
    options: [color(1, 2)],
    price: [19, 79],
    weight: [40, 150],
    tags: ['usb-c', 'hub', 'work-from-home'],
    features: ['4K HDMI at 60 Hz', '100W pass-through charging', 'Aluminium shell that stays cool'],
  },
  {
    code: 'WS',
    category: 'cables-chargers',
    nouns: ['3-in-1 Wireless Charging Stand', 'Wireless Charging Pad', 'Foldable Travel Charger'],
    options: [color(1, 2)],
    price: [24, 129],
    weight: [90, 420],
    tags: ['wireless', 'magsafe', 'qi2'],
    features: ['Charges phone, watch and earbuds together', 'Qi2 15W magnetic charging', 'Folds to the size of a coaster'],
  },
  // ---------------------------------------------------------------- cases & protection
  {
    code: 'PC',
    category: 'cases-protection',
    nouns: ['Clear MagSafe Case', 'Silicone Phone Case', 'Rugged Phone Case', 'Wallet Phone Case'],
    options: [phoneModel, color(1, 2)],
    price: [14, 59],
    weight: [25, 70],
    tags: ['magsafe', 'case', 'drop-protection'],
    features: [
      'Drop-tested from 10 feet',
      'Raised edges protect screen and camera',
      'Strong magnets for MagSafe accessories',
      'Anti-yellowing clear back',
    ],
  },
  {
    code: 'SG',
    category: 'cases-protection',
    nouns: ['Tempered Glass Screen Protector (2-Pack)', 'Privacy Screen Protector', 'Matte Screen Protector'],
    options: [phoneModel],
    price: [9, 29],
    weight: [15, 40],
    tags: ['screen-protector', 'glass'],
    features: ['9H hardness tempered glass', 'Installation frame for a bubble-free fit', 'Case-friendly edges'],
  },
  {
    code: 'TS',
    category: 'cases-protection',
    nouns: ['Laptop Sleeve', 'Tablet Sleeve', 'Tech Organizer Pouch'],
    options: [
      {
        name: 'Size',
        values: [
          ['11 in', '11', 0],
          ['13 in', '13', 4],
          ['14 in', '14', 6],
          ['16 in', '16', 8],
        ],
        pick: [1, 3],
      },
      color(1, 2),
    ],
    price: [19, 69],
    weight: [150, 450],
    tags: ['travel', 'sleeve'],
    features: ['Water-repellent recycled fabric', 'Plush lining protects the finish', 'Front pocket for a charger and cables'],
  },
  {
    code: 'EC',
    category: 'cases-protection',
    nouns: ['Earbuds Case Cover', 'AirTag Holder', 'Camera Lens Protector'],
    options: [color(1, 4)],
    price: [6, 24],
    weight: [8, 30],
    tags: ['case'],
    features: ['Soft-touch silicone', 'Keychain carabiner included', 'Precise cut-outs for charging'],
  },
  // ---------------------------------------------------------------- smart home
  {
    code: 'PL',
    category: 'smart-home',
    nouns: ['Smart Plug', 'Outdoor Smart Plug', 'Smart Plug with Energy Monitoring'],
    options: [packOf],
    price: [12, 39],
    weight: [60, 240],
    tags: ['smart-home', 'wifi', 'matter'],
    features: ['Works with Matter, Alexa and Google Home', 'Schedules and away mode', 'No hub required'],
  },
  {
    code: 'LB',
    category: 'smart-home',
    nouns: ['Smart LED Bulb', 'Color Smart Bulb', 'Filament Smart Bulb'],
    options: [packOf],
    price: [9, 49],
    weight: [50, 220],
    tags: ['smart-home', 'lighting', 'matter'],
    features: ['16 million colors and tunable whites', '800 lumens, 60 W equivalent', 'Dims smoothly to 1 %'],
  },
  {
    code: 'LS',
    category: 'smart-home',
    nouns: ['Smart LED Light Strip', 'TV Backlight Strip'],
    options: [
      {
        name: 'Length',
        values: [
          ['2 m', '2M', 0],
          ['5 m', '5M', 10],
          ['10 m', '10M', 25],
        ],
        pick: [1, 3],
      },
    ],
    price: [19, 69],
    weight: [120, 400],
    tags: ['smart-home', 'lighting'],
    features: ['Cut to length every 10 cm', 'Music sync through the built-in mic', 'Strong 3M adhesive backing'],
  },
  {
    code: 'CM',
    category: 'smart-home',
    nouns: ['Indoor Security Camera', 'Pan-Tilt Camera', 'Video Doorbell', 'Motion Sensor'],
    options: [color(1, 2)],
    price: [19, 149],
    weight: [80, 350],
    tags: ['smart-home', 'security', 'wifi'],
    features: ['2K video with color night vision', 'Local storage on microSD, no subscription', 'Person and package detection'],
  },
];

export const IMAGE_VIEWS = ['front view', 'side view', 'in use', 'packaging', 'detail'];
