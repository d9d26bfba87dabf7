import { HANDLE_PATTERN, toHandle } from './handle';

describe('toHandle', () => {
  it.each([
    ['USB-C Cable (2 m) — Black', 'usb-c-cable-2-m-black'],
    ['AirPods Pro 2', 'airpods-pro-2'],
    ['  Wireless  Charger!!! ', 'wireless-charger'],
    ['--Hello--World--', 'hello-world'],
    ['10,000 mAh Power-Bank / 20W PD', '10-000-mah-power-bank-20w-pd'],
    ['Café Crème Ångström Niño', 'cafe-creme-angstrom-nino'],
    ['Salt & Pepper', 'salt-and-pepper'],
    ['R&D Kit', 'r-and-d-kit'],
    ['Smart-Home Hub ①', 'smart-home-hub-1'],
    ['', ''],
    ['!!! ???', ''],
    ['日本語', ''],
  ])('%j → %j', (title, handle) => {
    expect(toHandle(title)).toBe(handle);
  });

  it('caps long titles at 80 characters without a trailing dash', () => {
    const cut = toHandle(`${'a'.repeat(79)} bcd`);
    expect(cut).toBe('a'.repeat(79));

    const words = toHandle('Braided USB-C to Lightning Charging Cable for iPhone, iPad and AirPods with Fast Charge Support, 2 m');
    expect(words).toBe('braided-usb-c-to-lightning-charging-cable-for-iphone-ipad-and-airpods-with-fast');
    expect(words).toHaveLength(79);

    const exact = toHandle('x'.repeat(100));
    expect(exact).toBe('x'.repeat(80));
  });

  it('always makes a handle the handle pattern accepts (or nothing)', () => {
    const titles = ['USB-C Cable (2 m) — Black', 'Café & Co.', `${'word '.repeat(30)}`, '-a-', 'A--B', '½ price'];
    for (const title of titles) expect(toHandle(title)).toMatch(HANDLE_PATTERN);
  });
});

describe('HANDLE_PATTERN', () => {
  it('accepts lowercase words joined by single dashes, and nothing else', () => {
    expect(['usb-c-cable', 'a', '2-pack', 'x1'].filter((h) => HANDLE_PATTERN.test(h))).toHaveLength(4);
    expect(['', 'USB-C', 'usb--c', '-usb', 'usb-', 'usb c', 'usb_c', 'café'].filter((h) => HANDLE_PATTERN.test(h))).toEqual([]);
  });
});
