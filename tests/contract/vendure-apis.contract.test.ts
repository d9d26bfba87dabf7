/**
 * The server only (the mock has no GraphQL): Vendure's own admin and shop APIs
 * would reach the shop's data around every Stockroom rule (versions, the audit
 * log, the sign-in throttle, deactivation), so a Stockroom server keeps them off.
 */
import { DEMO_ACCOUNTS, anonymous, signIn } from './driver';
import { expectProblem } from './fixtures';

const rename = {
  query: 'mutation { updateProduct(input: { id: "1", translations: [{ languageCode: en, name: "Renamed" }] }) { id name } }',
};
const login = (email: string, password: string) => ({
  query: `mutation { login(username: "${email}", password: "${password}") { ... on CurrentUser { id } } }`,
});

describe('Vendure’s GraphQL APIs', () => {
  it('do not open with a Stockroom session: the admin API answers 404 to a signed-in merchandiser', async () => {
    const merchandiser = await signIn('merchandiser');
    const res = await merchandiser.outside('POST', '/admin-api', { body: rename });
    expect(expectProblem(res, 404).detail).toMatch(/GraphQL APIs are off/);
    // Nor to a GET (GraphQL over GET, or the playground).
    expectProblem(await merchandiser.outside('GET', '/admin-api', { query: { query: '{ me { id } }' } }), 404);
  });

  it('take no sign-in: the admin API’s login is not there to guess passwords against', async () => {
    const { email, password } = DEMO_ACCOUNTS.admin;
    for (const attempt of [login(email, 'wrong-password'), login(email, password)]) {
      const res = await anonymous().outside('POST', '/admin-api', { body: attempt });
      expect(expectProblem(res, 404).detail).toMatch(/GraphQL APIs are off/);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });

  it('serve no shop: the shop API answers 404 without a session', async () => {
    const res = await anonymous().outside('POST', '/shop-api', { body: { query: '{ products { totalItems } }' } });
    expect(expectProblem(res, 404).detail).toMatch(/GraphQL APIs are off/);
  });
});
