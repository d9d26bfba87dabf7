import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockDb } from '../../mocks/node';
import { renderApp, setupMockApi } from './app-harness';

setupMockApi({ role: 'merchandiser' });

describe('the command palette', () => {
  it('Enter pressed before the search has caught up with the typing opens the first result for the text as typed', async () => {
    const product = [...mockDb().allRecords()].map((r) => r.product).find((p) => p.status === 'active')!;
    const { user, history } = renderApp('/products');
    await screen.findByRole('table', { name: 'Products' });
    await user.keyboard('{Control>}k{/Control}');
    const palette = await screen.findByRole('dialog', { name: 'Search and jump to' });
    // Typed and Enter at once: the palette has not asked the API for this text yet.
    await user.type(within(palette).getByRole('textbox', { name: 'Search' }), `${product.title}{Enter}`);

    await waitFor(() => expect(history.location.pathname).toBe(`/products/${product.id}`));
    expect(await screen.findByRole('heading', { name: (name) => name.includes(product.title) })).toBeInTheDocument();
  });
});
