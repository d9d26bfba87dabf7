/**
 * The seeded products' pictures: a small drawing of the product's kind (one
 * per family of catalogue.ts), in one of its colours, from one of its views.
 * Everything a picture needs is in its file name (`earbuds-coral-side.svg`),
 * so whoever serves the seeded image URLs draws it from the name alone, with
 * no state: the same name is the same bytes, in node and in every browser.
 * Plain strings, no DOM; each picture is well under 2 KB and refers to nothing
 * outside itself (no fonts, links or images).
 */
import type { CategoryId } from '../contract/constants';
import { FAMILIES, IMAGE_VIEWS } from './catalogue';

/** The Color option's values (catalogue.ts), as paint. */
export const PICTURE_COLOURS: Readonly<Record<string, string>> = {
  Black: '#26282c',
  White: '#f6f6f3',
  'Midnight Blue': '#243b69',
  'Sage Green': '#87a487',
  Sand: '#d8c39c',
  Coral: '#ee7866',
  Graphite: '#53575f',
  Lavender: '#b6a4dc',
};

/** A soft backdrop per category, so a list of thumbnails still reads by category. */
const BACKDROPS: Readonly<Record<CategoryId, string>> = {
  audio: '#e7f0ff',
  wearables: '#e9f7ef',
  power: '#fff4e0',
  'cables-chargers': '#f1ecff',
  'cases-protection': '#fdeaea',
  'smart-home': '#e6f6f6',
};

type Paint = {
  /** The body. */
  b: string;
  /** Its outline, a shade darker. */
  e: string;
  /** Details on the body (buttons, grilles, lights), set off from it. */
  d: string;
};

type Drawing = {
  /** The file name's first part. */
  slug: string;
  /** The body's colour when the product has no Color option. */
  plain: string;
  /** Shapes on a 100 × 100 canvas, around its centre; the body's fill and outline are inherited. */
  draw: (p: Paint) => string;
};

const DARK = '#26282c';
const METAL = '#a3a8ae';

/** A coiled cable with its two plugs hanging from it; `ends` draws the plugs at x 24 and 76, from y 62 down. */
const cable = (ends: (p: Paint) => string) => (p: Paint) =>
  `<g fill="none" stroke="${p.e}" stroke-width="6"><ellipse cx="50" cy="38" rx="25" ry="17"/><ellipse cx="50" cy="41" rx="19" ry="12"/></g>` +
  `<g fill="none" stroke="${p.b}" stroke-width="4" stroke-linecap="round"><ellipse cx="50" cy="38" rx="25" ry="17"/><ellipse cx="50" cy="41" rx="19" ry="12"/>` +
  `<path d="M27 46c-3 6-3 10-3 16M73 46c3 6 3 10 3 16"/></g>${ends(p)}`;
const usbC = (x: number, y = 62) =>
  `<rect x="${x - 5}" y="${y}" width="10" height="16" rx="3"/><rect x="${x - 3}" y="${y + 15}" width="6" height="7" rx="2" fill="${METAL}"/>`;
const lightning = (x: number) =>
  `<rect x="${x - 5}" y="62" width="10" height="14" rx="3"/><rect x="${x - 2}" y="75" width="4" height="9" rx="1" fill="${METAL}"/>`;
const usbA = (x: number) =>
  `<rect x="${x - 7}" y="60" width="14" height="16" rx="2"/><rect x="${x - 6}" y="75" width="12" height="10" fill="${METAL}"/>`;

/** One drawing per family, by the family's code. */
const DRAWINGS: Readonly<Record<string, Drawing>> = {
  EB: {
    slug: 'earbuds',
    plain: '#f6f6f3',
    draw: (p) =>
      `<circle cx="36" cy="38" r="11"/><rect x="31" y="44" width="9" height="30" rx="4.5"/><circle cx="36" cy="38" r="4" fill="${p.d}"/>` +
      `<circle cx="64" cy="38" r="11"/><rect x="60" y="44" width="9" height="30" rx="4.5"/><circle cx="64" cy="38" r="4" fill="${p.d}"/>`,
  },
  HP: {
    slug: 'headphones',
    plain: DARK,
    draw: (p) =>
      `<path d="M27 60V48a23 23 0 0 1 46 0v12" fill="none" stroke="${p.b}" stroke-width="6"/>` +
      `<rect x="19" y="50" width="16" height="26" rx="7"/><rect x="65" y="50" width="16" height="26" rx="7"/>` +
      `<rect x="31" y="54" width="5" height="18" rx="2" fill="${p.d}"/><rect x="64" y="54" width="5" height="18" rx="2" fill="${p.d}"/>`,
  },
  SP: {
    slug: 'speaker',
    plain: DARK,
    draw: (p) =>
      `<path d="M66 34a8 8 0 0 1 14 0" fill="none" stroke="${p.e}" stroke-width="3"/><rect x="18" y="34" width="64" height="36" rx="18"/>` +
      `<circle cx="50" cy="52" r="12" fill="${p.d}"/><circle cx="50" cy="52" r="5" fill="${p.e}"/>`,
  },
  WE: {
    slug: 'earphones',
    plain: '#f6f6f3',
    draw: (p) =>
      `<path d="M38 44c0 16 12 18 12 24M62 44c0 16-12 18-12 24v6" fill="none" stroke="${p.e}" stroke-width="2"/>` +
      `<circle cx="38" cy="36" r="9"/><circle cx="62" cy="36" r="9"/><circle cx="38" cy="36" r="3.5" fill="${p.d}"/><circle cx="62" cy="36" r="3.5" fill="${p.d}"/>` +
      `<rect x="45" y="72" width="10" height="10" rx="3"/><rect x="47" y="81" width="6" height="6" rx="2" fill="${METAL}"/>`,
  },
  WB: {
    slug: 'watch-band',
    plain: DARK,
    draw: (p) =>
      `<rect x="39" y="12" width="22" height="76" rx="11"/><rect x="36" y="22" width="28" height="8" rx="3" fill="none" stroke="${METAL}" stroke-width="3"/>` +
      `<g fill="${p.d}" stroke="none"><circle cx="50" cy="52" r="2"/><circle cx="50" cy="62" r="2"/><circle cx="50" cy="72" r="2"/></g>`,
  },
  FT: {
    slug: 'fitness-tracker',
    plain: DARK,
    draw: (p) =>
      `<ellipse cx="50" cy="50" rx="17" ry="32" fill="none" stroke="${p.b}" stroke-width="9"/>` +
      `<rect x="40" y="33" width="20" height="34" rx="9" fill="${DARK}" stroke="${METAL}"/><path d="M44 50h4l2-5 2 9 2-4h2" fill="none" stroke="#6fe3a1" stroke-width="1.5"/>`,
  },
  SR: {
    slug: 'smart-ring',
    plain: '#8d9198',
    draw: (p) =>
      `<ellipse cx="50" cy="54" rx="25" ry="22" fill="none" stroke="${p.b}" stroke-width="10"/>` +
      `<path d="M31 46a22 18 0 0 1 20-13" fill="none" stroke="#fff" stroke-opacity=".6" stroke-width="2"/>`,
  },
  WC: {
    slug: 'watch-charger',
    plain: '#f6f6f3',
    draw: (p) =>
      `<path d="M50 52c0 12-20 6-20 16" fill="none" stroke="${p.e}" stroke-width="3"/><circle cx="50" cy="36" r="19"/>` +
      `<circle cx="50" cy="36" r="11" fill="${p.d}"/>${usbC(30, 66)}`,
  },
  PB: {
    slug: 'power-bank',
    plain: DARK,
    draw: (p) =>
      `<rect x="31" y="18" width="38" height="64" rx="8"/><rect x="44" y="20" width="12" height="3" rx="1.5" fill="${p.d}"/>` +
      `<g fill="#6fe3a1" stroke="none"><circle cx="44" cy="70" r="1.8"/><circle cx="48.7" cy="70" r="1.8"/><circle cx="53.3" cy="70" r="1.8"/></g><circle cx="58" cy="70" r="1.8" fill="${p.d}" stroke="none"/>`,
  },
  WA: {
    slug: 'wall-charger',
    plain: '#f6f6f3',
    draw: (p) =>
      `<rect x="40" y="18" width="5" height="16" fill="${METAL}"/><rect x="55" y="18" width="5" height="16" fill="${METAL}"/><rect x="29" y="32" width="42" height="44" rx="9"/>` +
      `<rect x="38" y="46" width="24" height="5" rx="2.5" fill="${p.d}"/><rect x="38" y="58" width="24" height="5" rx="2.5" fill="${p.d}"/>`,
  },
  MB: {
    slug: 'magnetic-battery',
    plain: '#f6f6f3',
    draw: (p) =>
      `<rect x="27" y="24" width="46" height="54" rx="11"/><circle cx="50" cy="51" r="15" fill="none" stroke="${p.d}" stroke-width="2.5"/>` +
      `<circle cx="50" cy="51" r="3" fill="${p.d}"/>`,
  },
  CC: {
    slug: 'car-charger',
    plain: DARK,
    draw: (p) =>
      `<rect x="41" y="38" width="18" height="42" rx="6"/><rect x="46" y="79" width="8" height="6" rx="2" fill="${METAL}"/>` +
      `<rect x="33" y="22" width="34" height="20" rx="7"/><rect x="38" y="29" width="10" height="4" rx="2" fill="${p.d}"/><rect x="52" y="29" width="10" height="4" rx="2" fill="${p.d}"/>` +
      `<path d="M41 46h18" stroke="#5aa9ff" stroke-width="2"/>`,
  },
  CL: { slug: 'lightning-cable', plain: '#f6f6f3', draw: cable(() => usbC(24) + lightning(76)) },
  CC2: { slug: 'usb-c-cable', plain: DARK, draw: cable(() => usbC(24) + usbC(76)) },
  CA: { slug: 'usb-a-cable', plain: DARK, draw: cable(() => usbA(24) + usbC(76)) },
  HB: {
    slug: 'usb-c-hub',
    plain: '#8d9198',
    draw: (p) =>
      `<path d="M24 52H12" stroke="${p.e}" stroke-width="3"/><rect x="24" y="40" width="56" height="24" rx="7"/>` +
      `<g fill="${p.d}" stroke="none"><rect x="32" y="49" width="8" height="6" rx="1"/><rect x="44" y="49" width="8" height="6" rx="1"/><rect x="56" y="49" width="6" height="6" rx="3"/><rect x="66" y="49" width="6" height="6" rx="3"/></g>`,
  },
  WS: {
    slug: 'wireless-charger',
    plain: '#f6f6f3',
    draw: (p) =>
      `<ellipse cx="50" cy="74" rx="30" ry="9"/><rect x="37" y="20" width="26" height="52" rx="7"/>` +
      `<circle cx="50" cy="40" r="8" fill="none" stroke="${p.d}" stroke-width="2.5"/>`,
  },
  PC: {
    slug: 'phone-case',
    plain: DARK,
    draw: (p) =>
      `<rect x="31" y="12" width="38" height="76" rx="10"/><rect x="36" y="17" width="16" height="16" rx="5" fill="${p.d}"/>` +
      `<circle cx="41" cy="22" r="2.5" fill="${DARK}" stroke="none"/><circle cx="47" cy="28" r="2.5" fill="${DARK}" stroke="none"/>`,
  },
  SG: {
    slug: 'screen-protector',
    plain: '#dcefff',
    draw: (p) =>
      `<rect x="30" y="14" width="40" height="72" rx="9" fill-opacity=".75"/><rect x="44" y="18" width="12" height="3" rx="1.5" fill="${p.d}"/>` +
      `<path d="M36 44l16-16M36 58l28-28" stroke="#fff" stroke-width="3"/>`,
  },
  TS: {
    slug: 'laptop-sleeve',
    plain: '#53575f',
    draw: (p) =>
      `<rect x="14" y="28" width="72" height="50" rx="7"/><path d="M18 36h64" stroke="${p.d}" stroke-width="2" stroke-dasharray="3 2"/>` +
      `<rect x="72" y="33" width="6" height="12" rx="2" fill="${METAL}"/><rect x="26" y="50" width="48" height="20" rx="4" fill="none" stroke="${p.d}"/>`,
  },
  EC: {
    slug: 'case-cover',
    plain: DARK,
    draw: (p) =>
      `<path d="M62 36V26a7 7 0 0 1 14 0v8" fill="none" stroke="${METAL}" stroke-width="3"/><rect x="28" y="34" width="44" height="38" rx="16"/>` +
      `<path d="M29 50h42" stroke="${p.d}" stroke-width="2"/><circle cx="50" cy="62" r="2" fill="${p.d}"/>`,
  },
  PL: {
    slug: 'smart-plug',
    plain: '#f6f6f3',
    draw: (p) =>
      `<rect x="28" y="24" width="44" height="52" rx="11"/><rect x="40" y="40" width="4" height="12" rx="2" fill="${p.d}"/><rect x="56" y="40" width="4" height="12" rx="2" fill="${p.d}"/>` +
      `<circle cx="50" cy="64" r="3" fill="#5aa9ff" stroke="none"/>`,
  },
  LB: {
    slug: 'smart-bulb',
    plain: '#fff1b8',
    draw: (p) =>
      `<path d="M39 62c0-8-9-12-9-24a20 20 0 0 1 40 0c0 12-9 16-9 24z"/><path d="M44 52l6-8 6 8" fill="none" stroke="${p.d}" stroke-width="1.5"/>` +
      `<rect x="39" y="62" width="22" height="16" rx="3" fill="${METAL}"/><path d="M39 67h22M39 72h22" stroke="${p.e}"/><path d="M45 78h10l-3 6h-4z" fill="${DARK}"/>`,
  },
  LS: {
    slug: 'light-strip',
    plain: '#f6f6f3',
    draw: (p) =>
      `<path d="M14 64c14-38 30 18 44-12s24-10 28-4" fill="none" stroke="${p.e}" stroke-width="9" stroke-linecap="round"/>` +
      `<path d="M14 64c14-38 30 18 44-12s24-10 28-4" fill="none" stroke="${p.b}" stroke-width="7" stroke-linecap="round"/>` +
      `<g stroke="none"><circle cx="20" cy="52" r="2" fill="#ff6b6b"/><circle cx="33" cy="44" r="2" fill="#ffd166"/><circle cx="45" cy="58" r="2" fill="#6fe3a1"/><circle cx="60" cy="48" r="2" fill="#5aa9ff"/><circle cx="76" cy="42" r="2" fill="#b98cff"/></g>`,
  },
  CM: {
    slug: 'camera',
    plain: '#f6f6f3',
    draw: (p) =>
      `<path d="M44 60h12l4 18H40z"/><rect x="34" y="76" width="32" height="6" rx="3"/><circle cx="50" cy="42" r="21"/>` +
      `<circle cx="50" cy="42" r="10" fill="${DARK}"/><circle cx="53" cy="39" r="3" fill="#5aa9ff" stroke="none"/><circle cx="50" cy="26" r="1.5" fill="${p.d}" stroke="none"/>`,
  },
};

/** A stand-in for a name this module did not make: a plain parcel. */
const PARCEL: Drawing = {
  slug: 'parcel',
  plain: '#c9a77a',
  draw: (p) => `<rect x="24" y="30" width="52" height="44" rx="3"/><path d="M24 42h52M50 30v12" stroke="${p.e}" stroke-width="2"/>`,
};

const VIEW_SLUGS: Readonly<Record<string, string>> = {
  'front view': 'front',
  'side view': 'side',
  'in use': 'in-use',
  packaging: 'packaging',
  detail: 'detail',
};

const slugOf = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** Longest first, so a name is read as the most specific family it starts with. */
const familiesByLongestSlug = FAMILIES.flatMap((f) => {
  const slug = DRAWINGS[f.code]?.slug;
  return slug ? [[slug, f] as const] : [];
}).sort(([a], [b]) => b.length - a.length);
const colourBySlug = new Map(Object.keys(PICTURE_COLOURS).map((c) => [slugOf(c), c]));
const viewSlugs = IMAGE_VIEWS.map((v) => VIEW_SLUGS[v] ?? slugOf(v));

/**
 * The file name of a family's picture (by the family's code), in one of its colours (a value of the Color
 * option; null for none) from one of IMAGE_VIEWS: `earbuds-midnight-blue-in-use.svg`, `smart-plug-front.svg`.
 */
export function pictureFile(familyCode: string, colour: string | null, view: string): string {
  const family = DRAWINGS[familyCode]?.slug ?? PARCEL.slug;
  const paint = colour !== null && colour in PICTURE_COLOURS ? `-${slugOf(colour)}` : '';
  return `${family}${paint}-${VIEW_SLUGS[view] ?? slugOf(view)}.svg`;
}

/** What a file name says: the family, the colour (null: the family's own) and the view (front when unknown). */
function parseFile(file: string): { drawing: Drawing; category: CategoryId | null; colour: string | null; view: string } {
  const name = file.replace(/\.svg$/, '');
  const view = viewSlugs.find((v) => name.endsWith(`-${v}`)) ?? 'front';
  const rest = name.endsWith(`-${view}`) ? name.slice(0, -view.length - 1) : name;
  const family = familiesByLongestSlug.find(([slug]) => rest === slug || rest.startsWith(`${slug}-`))?.[1];
  if (!family) {
    // Names from before the drawings, `<category>-<n>.svg` (a shop saved then may still hold them): the category's first family.
    const category = /^(.*)-\d+$/.exec(name)?.[1];
    const first = FAMILIES.find((f) => f.category === category);
    return { drawing: (first && DRAWINGS[first.code]) ?? PARCEL, category: first?.category ?? null, colour: null, view };
  }
  const drawing = DRAWINGS[family.code] ?? PARCEL;
  const colour = colourBySlug.get(rest.slice(drawing.slug.length + 1)) ?? null;
  return { drawing, category: family.category, colour, view };
}

/** A hex colour moved towards black (amount < 0) or white (amount > 0). */
function shade(hex: string, amount: number): string {
  const target = amount < 0 ? 0 : 255;
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => {
    const c = (n >> shift) & 255;
    return Math.round(c + (target - c) * Math.abs(amount))
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(16)}${channel(8)}${channel(0)}`;
}

function paintOf(body: string): Paint {
  const n = Number.parseInt(body.slice(1), 16);
  const light = 0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255) > 150;
  return { b: body, e: shade(body, -0.35), d: light ? shade(body, -0.4) : shade(body, 0.45) };
}

/** Where the drawing sits in each view, and what is drawn around it. */
function staged(view: string, backdrop: string, p: Paint, shapes: string): string {
  const body = (transform: string) =>
    `<g${transform ? ` transform="${transform}"` : ''} fill="${p.b}" stroke="${p.e}" stroke-width="1.5" stroke-linejoin="round">${shapes}</g>`;
  const shadow = '<ellipse cx="50" cy="88" rx="26" ry="4" fill="#000" fill-opacity=".08"/>';
  switch (view) {
    case 'side':
      return shadow + body('rotate(-16 50 50)');
    case 'in-use':
      return `<path d="M0 74h100v26H0z" fill="${shade(backdrop, -0.12)}"/>${body('matrix(.8 0 0 .8 10 9)')}`;
    case 'packaging':
      return (
        `${shadow}<rect x="16" y="14" width="68" height="72" rx="3" fill="#fff" stroke="${shade(backdrop, -0.3)}"/>` +
        `<path d="M16 24h68" stroke="${p.b}" stroke-width="6"/>${body('matrix(.55 0 0 .55 22.5 27)')}`
      );
    case 'detail':
      return body('matrix(1.7 0 0 1.7 -35 -30)');
    default:
      return shadow + body('');
  }
}

/**
 * The picture a file name describes (pictureFile's names; any other name still gets a picture:
 * an older `<category>-<n>.svg` its category's first family, anything else a parcel).
 */
export function productPictureSvg(file: string): string {
  const { drawing, category, colour, view } = parseFile(file);
  const backdrop = category ? BACKDROPS[category] : '#eef1f5';
  const paint = paintOf((colour && PICTURE_COLOURS[colour]) ?? drawing.plain);
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 100 100">' +
    `<rect width="100" height="100" fill="${backdrop}"/>${staged(view, backdrop, paint, drawing.draw(paint))}</svg>`
  );
}
