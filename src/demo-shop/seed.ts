/**
 * The deterministic shop: the same seed and size give the same catalogue,
 * byte for byte, in node and in every browser. Product i does not depend on
 * the size, so a 300-product shop is the first 300 products of a 50,000 one.
 */
import type { Product, Variant } from '../contract/schemas';
import { toHandle } from '../contract/values/handle';
import { upcCheckDigit } from '../contract/values/upc';
import { BRANDS, FAMILIES, IMAGE_VIEWS, LOCATIONS, MODEL_SUFFIXES, type OptionTemplate } from './catalogue';
import { isoTime } from './iso-time';
import { pictureFile } from './product-pictures';
import { mulberry32, type Random } from './random';
import type { LevelState, ProductRecord } from './shop-records';

export const DEFAULT_SEED = 20261101;
export const DEFAULT_PRODUCTS = 300;
/** Two years of a small shop's orders: about eight a day, growing. */
export const DEFAULT_ORDERS = 6_000;
/** A shop is made at a whole minute (`anchorMs`): the instant it was made, as stored and shown. */
export function anchorAt(ms: number): number {
  return Math.floor(ms / 60_000) * 60_000;
}

export const IMAGE_HOST = 'https://images.stockroom.test';

const DAY_MS = 86_400_000;
const MAX_VARIANTS = 6;
const PRICE_ENDINGS = [99, 99, 99, 49, 95] as const;

export function productId(n: number): string {
  return `prod_${String(n).padStart(6, '0')}`;
}
function variantId(n: number): string {
  return `var_${String(n).padStart(7, '0')}`;
}

/** Whole dollars → cents ending in .99/.49/.95, within $4.99–$199.99. */
/** A shelf price: whole dollars less the product's ending, so every variant of a product ends alike (.99, .49 or .95). */
function retailCents(dollars: number, ending: number): number {
  const whole = Math.min(200, Math.max(5, dollars));
  return Math.max(499, whole * 100 - (100 - ending));
}

/** Cheap things sell faster and are reordered in bigger lots, so they warn earlier. Drawn from no random stream, so the shop stays the same. */
function reorderThreshold(priceCents: number): number {
  if (priceCents < 2_000) return 15;
  return priceCents < 6_000 ? 10 : 5;
}

type Chosen = { name: string; values: (readonly [string, string, number])[] };

function chooseOptions(templates: readonly OptionTemplate[], rng: Random): Chosen[] {
  const chosen = templates.map((t) => ({ name: t.name, values: rng.sample(t.values, rng.int(t.pick[0], t.pick[1])) }));
  // Drop values from the last option until the combinations fit; a product offers at most six variants.
  const count = () => chosen.reduce((n, o) => n * o.values.length, 1);
  for (let i = chosen.length - 1; i >= 0 && count() > MAX_VARIANTS; i--) {
    const values = chosen[i]?.values ?? [];
    while (values.length > 1 && count() > MAX_VARIANTS) values.pop();
  }
  return chosen;
}

function combinations(options: Chosen[]): (readonly [string, string, number])[][] {
  let combos: (readonly [string, string, number])[][] = [[]];
  for (const option of options) {
    const longer: (readonly [string, string, number])[][] = [];
    for (const combo of combos) for (const value of option.values) longer.push(combo.concat([value]));
    combos = longer;
  }
  return combos;
}

/**
 * One shared copy of each value made from a few parts, found by its parts: the catalogue's own strings, whose hashes
 * the engine keeps, rather than by hashing each value made (a description or a URL, 50,000 times).
 */
class Shared<T> {
  private readonly root: Trie<T> = { next: new Map() };

  get(parts: readonly string[], make: () => T): T {
    let node = this.root;
    for (const part of parts) {
      let child = node.next.get(part);
      if (!child) node.next.set(part, (child = { next: new Map() }));
      node = child;
    }
    if (!node.made) node.made = { value: make() };
    return node.made.value;
  }
}
type Trie<T> = { next: Map<string, Trie<T>>; made?: { value: T } };

/**
 * UPC-A bodies: a number-system digit, a five-digit company prefix per brand
 * (overflowing into further prefixes at huge sizes) and a five-digit item number.
 */
function makeBarcode(brandIndex: number, itemNumber: number): string {
  const block = Math.floor(itemNumber / 100_000);
  const company = 10_000 + brandIndex * 100 + block;
  const body = `8${company}${String(itemNumber % 100_000).padStart(5, '0')}`;
  return body + upcCheckDigit(body);
}

const partHandles = new Map<string, string>();
function partHandle(part: string): string {
  let handle = partHandles.get(part);
  if (handle === undefined) {
    handle = toHandle(part);
    partHandles.set(part, handle);
  }
  return handle;
}

/**
 * toHandle(title) assembled from the handles of its parts, which are few and
 * cached: toHandle's Unicode normalisation is the slowest step of a 50,000-product seed.
 */
function titleHandle(brand: string, suffix: string, spec: string | undefined, noun: string, title: string): string {
  const joined = [brand, suffix, spec ?? '', noun].map(partHandle).filter(Boolean).join('-');
  return joined.length <= 80 ? joined : toHandle(title);
}

/**
 * `anchorMs` is the instant the shop is made (the clock's now when it is
 * created or reset): every seeded timestamp lies before it. The same seed,
 * size and anchor give the same shop, byte for byte.
 */
export function generateShop(options: { seed: number; products: number; anchorMs: number }): ProductRecord[] {
  const { anchorMs } = options;
  const rng = mulberry32(options.seed);
  const usedHandles = new Set<string>();
  const nextSuffix = new Map<string, number>();
  // Descriptions, image URLs, option values and tag lists repeat across products; sharing one
  // (frozen) copy of each saves memory and start-up time at 50,000 products.
  const descriptions = new Shared<string>();
  const urls = new Shared<string>();
  const lists = new Shared<string[]>();
  const internList = (values: string[]) => lists.get(values, () => Object.freeze(values) as string[]);
  const descriptionOf = (features: string[], brandName: string) =>
    descriptions.get([brandName, ...features], () => `${features.join('. ')}. Backed by a two-year ${brandName} warranty.`);
  const itemsPerBrand = new Array<number>(BRANDS.length).fill(0);
  const records: ProductRecord[] = [];
  let variantSeq = 0;

  for (let i = 0; i < options.products; i++) {
    const family = rng.pick(FAMILIES);
    const brandIndex = rng.int(0, BRANDS.length - 1);
    const brand = BRANDS[brandIndex] ?? BRANDS[0]!;
    const suffix = rng.chance(0.4) ? '' : rng.pick(MODEL_SUFFIXES);
    const spec = family.specs ? rng.pick(family.specs) : undefined;
    const noun = rng.pick(family.nouns);
    const title = `${brand.name}${suffix} ${spec ? `${spec[0]} ` : ''}${noun}`;

    const base = titleHandle(brand.name, suffix, spec?.[0], noun, title);
    let handle = base;
    let n = nextSuffix.get(base) ?? 2;
    // A later title can itself end in "-2"; the set catches that, the counter keeps the search short.
    while (usedHandles.has(handle)) handle = `${base.slice(0, 80 - String(n).length - 1)}-${n++}`;
    nextSuffix.set(base, n);
    usedHandles.add(handle);

    let chosen = chooseOptions(family.options, rng);
    // Some single-variant products carry no option at all, as real listings do.
    if (chosen.every((o) => o.values.length === 1) && rng.chance(0.35)) chosen = [];

    const createdMs = anchorMs - rng.int(1, 1095) * DAY_MS - rng.int(0, 86_399) * 1000;
    const edited = rng.chance(0.7);
    const updatedMs = edited ? createdMs + Math.floor(rng.next() * (anchorMs - createdMs)) : createdMs;
    const version = edited ? rng.int(2, 6) : 1;
    const roll = rng.next();
    const status = roll < 0.8 ? 'active' : roll < 0.92 ? 'draft' : 'archived';

    const id = productId(i + 1);
    const baseDollars = rng.int(family.price[0], family.price[1]) + (spec ? spec[1] : 0);
    const onSale = rng.chance(0.2);
    const ending = rng.pick(PRICE_ENDINGS);
    const weight = rng.int(family.weight[0], family.weight[1]);
    const serial = (i + 1).toString(36).toUpperCase().padStart(4, '0');
    const levels: LevelState[][] = [];

    const variants: Variant[] = combinations(chosen).map((combo) => {
      variantSeq++;
      const vid = variantId(variantSeq);
      const price = retailCents(baseDollars + combo.reduce((d, v) => d + v[2], 0), ending);
      const compareAtPrice = onSale ? Math.ceil(Math.floor((price * rng.int(115, 140)) / 100) / 100) * 100 - 1 : null;
      const onHand = LOCATIONS.map(() => {
        if (status === 'archived' ? rng.chance(0.8) : rng.chance(0.2)) return 0;
        const r = rng.next();
        return Math.floor(r * r * 240);
      });
      const threshold = reorderThreshold(price);
      // Reservations come from the seeded orders (see stock-seed.ts), once they exist.
      levels.push(onHand.map((units) => ({ onHand: units, reserved: 0, threshold, version: 1 })));
      const item = itemsPerBrand[brandIndex] ?? 0;
      itemsPerBrand[brandIndex] = item + 1;
      const codes = combo.map((v) => v[1]);
      return {
        id: vid,
        productId: id,
        optionValues: internList(combo.map((v) => v[0])),
        sku: `${brand.code}-${family.code}-${serial}${codes.length ? `-${codes.join('-')}` : ''}`,
        barcode: rng.chance(0.95) ? makeBarcode(brandIndex, item) : null,
        price,
        compareAtPrice: compareAtPrice !== null && compareAtPrice > price ? compareAtPrice : null,
        cost: rng.chance(0.03) ? null : Math.round((price * rng.int(35, 65)) / 100),
        weightGrams: weight + rng.int(0, 5),
        stock: onHand.reduce((a, b) => a + b, 0),
        version: Math.min(version, rng.int(1, 3)),
      };
    });

    const tags = rng.sample(family.tags, rng.int(1, Math.min(3, family.tags.length)));
    if (rng.chance(0.12)) tags.push('bestseller');
    if (rng.chance(family.category === 'audio' || family.category === 'wearables' ? 0.2 : 0.06)) tags.push('gift');
    if (anchorMs - createdMs < 60 * DAY_MS && !tags.includes('new')) tags.push('new');
    if (onSale) tags.push('sale');

    const imageCount = rng.chance(0.1) ? 0 : rng.int(1, 3);
    const views = rng.sample(IMAGE_VIEWS, imageCount);
    // A drawing of the family's kind, its views in turn in the colours the product comes in (its file name says all
    // three: product-pictures.ts draws it from the name). Drawn from no random stream, so the shop stays the same.
    const colours = chosen.find((o) => o.name === 'Color')?.values ?? [];
    const images = views.map((view, k) => {
      const colour = colours.length ? colours[k % colours.length]![0] : null;
      return {
        url: urls.get([family.code, colour ?? '', view], () => [IMAGE_HOST, '/products/', pictureFile(family.code, colour, view)].join('')),
        // A few images lack alt text, as imported catalogues do; the editor flags them.
        alt: rng.chance(0.05) ? '' : `${title}, ${view}`,
      };
    });

    const product: Product = {
      id,
      handle,
      title,
      description: descriptionOf(rng.sample(family.features, rng.int(2, 3)), brand.name),
      categoryId: family.category,
      tags: internList(tags),
      status,
      images,
      options: chosen.map((o) => ({ name: o.name, values: internList(o.values.map((v) => v[0])) })),
      variants,
      createdAt: isoTime(createdMs),
      updatedAt: isoTime(updatedMs),
      version,
    };
    records.push({ product, levels });
  }
  return records;
}
