import type { ProductInput, ProductOption, VariantInput } from '@/contract/schemas';
import { centsToInput } from '@/contract/values/money';

export function emptyProductInput(): ProductInput {
  return {
    title: '',
    handle: '',
    description: '',
    categoryId: '',
    tags: [],
    status: 'draft',
    images: [],
    options: [],
    variants: [emptyVariant([])],
  };
}

function emptyVariant(optionValues: string[], like?: VariantInput): VariantInput {
  return {
    optionValues,
    sku: '',
    barcode: null,
    price: like?.price ?? Number.NaN,
    compareAtPrice: like?.compareAtPrice ?? null,
    cost: like?.cost ?? null,
    weightGrams: like?.weightGrams ?? null,
  };
}

/** Every combination of the options' values, in the order a person reads them. */
export function optionCombinations(options: ProductOption[]): string[][] {
  return options.reduce<string[][]>((combos, option) => combos.flatMap((combo) => option.values.map((value) => [...combo, value])), [[]]);
}

/**
 * The variants the options generate. A variant whose values still exist keeps
 * everything typed into it (SKU, prices); a new combination starts from the
 * first variant's prices; a combination no option makes any more is dropped.
 */
export function syncVariants(options: ProductOption[], variants: VariantInput[]): VariantInput[] {
  const usable = options.filter((o) => o.values.length > 0);
  const byCombo = new Map(variants.map((v) => [v.optionValues.join('\u0000'), v]));
  const template = variants[0];
  return optionCombinations(usable).map((combo) => {
    const existing = byCombo.get(combo.join('\u0000'));
    if (existing) return existing;
    // Removing the last option keeps the one variant it leaves (its SKU, stock and history).
    if (combo.length === 0 && template) return { ...template, optionValues: [] };
    // A variant made by adding the first option keeps its identity (and its SKU, stock and history).
    if (
      variants.length === 1 &&
      template &&
      template.optionValues.length === 0 &&
      combo.length === 1 &&
      combo[0] === usable[0]?.values[0]
    ) {
      return { ...template, optionValues: combo };
    }
    return emptyVariant(combo, template);
  });
}

export function sameCombinations(a: VariantInput[], b: VariantInput[]): boolean {
  return a.length === b.length && a.every((v, i) => v.optionValues.join('\u0000') === b[i]?.optionValues.join('\u0000'));
}

export type FieldDifference = { field: string; label: string; base: string; mine: string; theirs: string };

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(show).join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const money = (cents: number | null) => (cents == null || Number.isNaN(cents) ? '—' : `$${centsToInput(cents)}`);

/**
 * What changed between the version an edit started from (base), the person's
 * edit (mine) and what the server has now (theirs): the rows a conflict shows.
 * Only fields that someone else changed are listed.
 */
export function conflictDifferences(base: ProductInput, mine: ProductInput, theirs: ProductInput): FieldDifference[] {
  const rows: FieldDifference[] = [];
  const add = (field: string, label: string, b: string, m: string, t: string) => {
    if (b !== t) rows.push({ field, label, base: b, mine: m, theirs: t });
  };
  add('title', 'Title', base.title, mine.title, theirs.title);
  add('handle', 'Handle', base.handle, mine.handle, theirs.handle);
  add('description', 'Description', base.description, mine.description, theirs.description);
  add('categoryId', 'Category', base.categoryId, mine.categoryId, theirs.categoryId);
  add('status', 'Status', base.status, mine.status, theirs.status);
  add('tags', 'Tags', show(base.tags), show(mine.tags), show(theirs.tags));
  add('images', 'Images', show(base.images.map((i) => i.url)), show(mine.images.map((i) => i.url)), show(theirs.images.map((i) => i.url)));
  add(
    'options',
    'Options',
    show(base.options.map((o) => `${o.name}: ${o.values.join('/')}`)),
    show(mine.options.map((o) => `${o.name}: ${o.values.join('/')}`)),
    show(theirs.options.map((o) => `${o.name}: ${o.values.join('/')}`)),
  );

  const label = (v: VariantInput) => v.optionValues.join(' / ') || 'Default';
  const theirsById = new Map(theirs.variants.flatMap((v) => (v.id ? [[v.id, v] as const] : [])));
  const mineById = new Map(mine.variants.flatMap((v) => (v.id ? [[v.id, v] as const] : [])));
  base.variants.forEach((b) => {
    if (!b.id) return;
    const t = theirsById.get(b.id);
    const m = mineById.get(b.id);
    const name = label(b);
    if (!t) {
      rows.push({ field: `variant:${b.id}`, label: `Variant ${name}`, base: 'exists', mine: m ? 'kept' : 'removed', theirs: 'removed' });
      return;
    }
    const fields: [keyof VariantInput, string, (v: VariantInput | undefined) => string][] = [
      ['sku', 'SKU', (v) => show(v?.sku)],
      ['barcode', 'Barcode', (v) => show(v?.barcode)],
      ['price', 'Price', (v) => (v ? money(v.price) : '—')],
      ['compareAtPrice', 'Compare-at price', (v) => (v ? money(v.compareAtPrice) : '—')],
      ['cost', 'Cost', (v) => (v ? money(v.cost) : '—')],
      ['weightGrams', 'Weight (g)', (v) => show(v?.weightGrams)],
    ];
    for (const [key, text, read] of fields) add(`variant:${b.id}:${key}`, `${name}: ${text}`, read(b), read(m), read(t));
  });
  theirs.variants.forEach((t) => {
    if (t.id && !base.variants.some((b) => b.id === t.id)) {
      rows.push({ field: `variant:${t.id}`, label: `Variant ${label(t)}`, base: '—', mine: '—', theirs: `added (${t.sku})` });
    }
  });
  return rows;
}
