import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockDb } from '../../mocks/node';
import { received, renderApp, setupMockApi } from './app-harness';

setupMockApi({ role: 'merchandiser' });

describe('pricing screen', () => {
  it('previews a 20 % sale on the URL’s selection, then applies it once with an Idempotency-Key and opens the batch', async () => {
    const { history, user } = renderApp('/pricing?categoryId=audio');
    await user.type(await screen.findByRole('textbox', { name: 'Name of the change' }), 'Audio sale');
    await user.type(screen.getByRole('textbox', { name: 'Percent' }), '20');

    const preview = await screen.findByRole('table', { name: 'Preview' });
    await waitFor(() => expect(within(preview).getAllByRole('row').length).toBeGreaterThan(2));
    const asked = received.filter((r) => new URL(r.url).pathname === '/api/pricing/preview').at(-1)!;
    expect(await asked.clone().json()).toMatchObject({
      selection: { kind: 'filter', categoryId: 'audio' },
      change: { op: 'lower', unit: 'percent', value: 2000, ending: 'none', compareAt: 'keep', minMarginBp: null },
      offset: 0,
      limit: 25,
    });

    const apply = await screen.findByRole('button', { name: /^Apply \d+ changes$/ });
    const count = Number(apply.textContent?.match(/\d+/)?.[0]);
    await user.click(apply);
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Change these prices now?' })).getByRole('button', { name: 'Apply' }),
    );

    await waitFor(() => expect(history.location.pathname).toMatch(/^\/pricing\/batches\/pb_/));
    const posts = received.filter((r) => r.method === 'POST' && new URL(r.url).pathname === '/api/pricing/batches');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await posts[0]!.clone().json()).toMatchObject({ label: 'Audio sale', skipFlagged: false, startsAt: null, endsAt: null });
    expect(await screen.findByText(`${count} prices changed`, { exact: false })).toBeInTheDocument();
    expect(mockDb().pricing.batches.size).toBe(1);
  });

  it('says why a change cannot be previewed, beside the field', async () => {
    const { user } = renderApp('/pricing?categoryId=audio');
    const percent = await screen.findByRole('textbox', { name: 'Percent' });
    await user.type(percent, '150');
    expect(await screen.findByText('Lower by at most 100 %')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Preview' })).not.toBeInTheDocument();
  });
});
