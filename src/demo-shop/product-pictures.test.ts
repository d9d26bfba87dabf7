import { imageUrlSchema } from '../contract/schemas';
import { TEST_START_MS } from '../../tests/clock';
import { FAMILIES, IMAGE_VIEWS } from './catalogue';
import { PICTURE_COLOURS, pictureFile, productPictureSvg } from './product-pictures';
import { IMAGE_HOST, anchorAt, generateShop } from './seed';

const COLOURS = [null, ...Object.keys(PICTURE_COLOURS)];
const every = FAMILIES.flatMap((f) => COLOURS.flatMap((colour) => IMAGE_VIEWS.map((view) => ({ family: f, colour, view }))));

describe('product pictures', () => {
  it('draws each family as its own picture, named after it', () => {
    const names = FAMILIES.map((f) => pictureFile(f.code, null, 'front view'));
    expect(new Set(names).size).toBe(FAMILIES.length);
    expect(names.filter((n) => n.startsWith('parcel'))).toEqual([]);
    const pictures = FAMILIES.map((f) => productPictureSvg(pictureFile(f.code, 'Black', 'front view')));
    expect(new Set(pictures).size).toBe(FAMILIES.length);
  });

  it('names a picture by family, colour and view, in plain characters', () => {
    const earbuds = FAMILIES.find((f) => f.code === 'EB')!;
    expect(pictureFile(earbuds.code, 'Midnight Blue', 'in use')).toBe('earbuds-midnight-blue-in-use.svg');
    expect(pictureFile('PL', null, 'front view')).toBe('smart-plug-front.svg');
    for (const { family, colour, view } of every) {
      expect(imageUrlSchema.safeParse(`${IMAGE_HOST}/products/${pictureFile(family.code, colour, view)}`).success).toBe(true);
    }
  });

  it('paints the colour the name says, else the family’s own', () => {
    for (const [colour, hex] of Object.entries(PICTURE_COLOURS)) {
      expect(productPictureSvg(pictureFile('SP', colour, 'front view'))).toContain(`fill="${hex}"`);
    }
    const plain = productPictureSvg(pictureFile('SP', null, 'front view'));
    expect(Object.values(PICTURE_COLOURS).filter((hex) => hex !== PICTURE_COLOURS.Black && plain.includes(`fill="${hex}"`))).toEqual([]);
  });

  it('draws every view differently', () => {
    for (const family of FAMILIES) {
      const views = IMAGE_VIEWS.map((view) => productPictureSvg(pictureFile(family.code, 'Coral', view)));
      expect(new Set(views).size).toBe(IMAGE_VIEWS.length);
    }
  });

  it('is the same picture for the same name, small, and refers to nothing outside itself', () => {
    let largest = 0;
    for (const { family, colour, view } of every) {
      const file = pictureFile(family.code, colour, view);
      const svg = productPictureSvg(file);
      expect(productPictureSvg(file)).toBe(svg);
      largest = Math.max(largest, new TextEncoder().encode(svg).byteLength);
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*viewBox="0 0 100 100">.*<\/svg>$/);
      // The namespace is the one address; no link, image, font, text or script.
      expect(svg.match(/https?:/g)).toEqual(['http:']);
      expect(svg).not.toMatch(/href|url\(|<image|<text|<script|<style|<foreignObject|@import/i);
      // Every element is closed: as many opening tags as closing ones (self-closed count as both).
      expect((svg.match(/<[a-z]/gi) ?? []).length).toBe((svg.match(/<\/[a-z]+>|\/>/gi) ?? []).length);
    }
    expect(largest).toBeLessThan(2048);
  });

  it('still draws a picture for names it did not make', () => {
    // Pictures named before the drawings (a shop saved then keeps them): the category's first family.
    expect(productPictureSvg('audio-1.svg')).toBe(productPictureSvg(pictureFile('EB', null, 'front view')));
    for (const name of ['cable.svg', '', 'earbuds-neon-front.svg', '<script>.svg', 'earbuds-coral-sideways.svg']) {
      const svg = productPictureSvg(name);
      expect(svg).toMatch(/^<svg [^>]*>.*<\/svg>$/);
      expect(svg).not.toContain('<script');
    }
    // An unknown colour is the family's own; an unknown view is the front.
    expect(productPictureSvg('earbuds-neon-front.svg')).toBe(productPictureSvg('earbuds-front.svg'));
  });

  it('gives every seeded picture its product’s family and one of its colours', () => {
    const shop = generateShop({ seed: 20261101, products: 300, anchorMs: anchorAt(TEST_START_MS) });
    let pictures = 0;
    for (const { product } of shop) {
      const family = FAMILIES.find((f) => product.variants[0]!.sku.split('-')[1] === f.code)!;
      const colours = product.options.find((o) => o.name === 'Color')?.values ?? [];
      product.images.forEach((image, k) => {
        pictures++;
        const colour = colours.length ? colours[k % colours.length]! : null;
        expect(IMAGE_VIEWS.map((view) => `${IMAGE_HOST}/products/${pictureFile(family.code, colour, view)}`)).toContain(image.url);
      });
    }
    expect(pictures).toBeGreaterThan(300);
  });
});
