import { isTrackingNumber, normalizeTrackingNumber, trackingNumberProblem, trackingUrl } from './tracking';

describe('isTrackingNumber', () => {
  it.each([
    ['UPS', '1Z999AA10123456784'],
    ['UPS', '1Z12345E0205271688'],
    ['USPS', '94001118992231974284'],
    ['USPS', '9400111899223197428490'],
    ['USPS', '920551234567890123456'],
    ['FedEx', '123456789012'],
    ['FedEx', '123456789012345'],
    ['DHL', '1234567890'],
  ] as const)('accepts %s %s', (carrier, value) => {
    expect(isTrackingNumber(carrier, value)).toBe(true);
    expect(trackingNumberProblem(carrier, value)).toBeNull();
  });

  it.each([
    ['UPS', '1Z999AA1012345678', '15 characters after 1Z'],
    ['UPS', '1Z999AA101234567845', '17 characters after 1Z'],
    ['UPS', '2Z999AA10123456784', 'does not start with 1Z'],
    ['UPS', '1z999aa10123456784', 'lower case (normalise first)'],
    ['USPS', '9400111899223197428', '19 digits'],
    ['USPS', '94001118992231974284901', '23 digits'],
    ['USPS', '1Z999AA10123456784', 'a UPS number'],
    ['FedEx', '12345678901', '11 digits'],
    ['FedEx', '1234567890123', '13 digits'],
    ['FedEx', '12345678901A', 'a letter'],
    ['DHL', '123456789', '9 digits'],
    ['DHL', '12345678901', '11 digits'],
    ['DHL', '', 'empty'],
  ] as const)('refuses %s %s (%s)', (carrier, value, _why) => {
    expect(isTrackingNumber(carrier, value)).toBe(false);
  });

  it('says what the carrier expects', () => {
    expect(trackingNumberProblem('UPS', '1Z123')).toBe(
      'A UPS tracking number is 1Z followed by 16 letters and digits, like 1Z999AA10123456784',
    );
    expect(trackingNumberProblem('USPS', '123')).toMatch(/20 to 22 digits/);
    expect(trackingNumberProblem('FedEx', '123')).toMatch(/12 or 15 digits/);
    expect(trackingNumberProblem('DHL', '123')).toMatch(/10 digits/);
  });

  it('forgives spaces, dashes and case once normalised', () => {
    expect(normalizeTrackingNumber(' 1z 999 aa1 01 2345 6784 ')).toBe('1Z999AA10123456784');
    expect(isTrackingNumber('UPS', normalizeTrackingNumber('1z 999 aa1 01 2345 6784'))).toBe(true);
    expect(isTrackingNumber('FedEx', normalizeTrackingNumber('1234-5678-9012'))).toBe(true);
  });
});

describe('trackingUrl', () => {
  it.each([
    ['UPS', '1Z999AA10123456784', 'https://www.ups.com/track?loc=en_US&tracknum=1Z999AA10123456784'],
    ['USPS', '9400111899223197428490', 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223197428490'],
    ['FedEx', '123456789012', 'https://www.fedex.com/fedextrack/?trknbr=123456789012'],
    ['DHL', '1234567890', 'https://www.dhl.com/us-en/home/tracking/tracking-express.html?submit=1&tracking-id=1234567890'],
  ] as const)('opens %s’s own tracking page for the number', (carrier, number, url) => {
    expect(trackingUrl(carrier, number)).toBe(url);
  });

  it('takes the number as people paste it, and nothing else into the address', () => {
    expect(trackingUrl('UPS', '1z 999 aa1 01 2345 6784')).toBe('https://www.ups.com/track?loc=en_US&tracknum=1Z999AA10123456784');
    const odd = new URL(trackingUrl('FedEx', '12&x=<y>#z'));
    expect(odd.origin).toBe('https://www.fedex.com');
    expect([...odd.searchParams.keys()]).toEqual(['trknbr']);
    expect(odd.searchParams.get('trknbr')).toBe('12&X=<Y>#Z');
    expect(odd.hash).toBe('');
  });
});
