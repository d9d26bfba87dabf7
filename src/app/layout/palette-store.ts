import { createSpotlight } from '@mantine/spotlight';

/** The palette's own store: the shell opens it, the lazily loaded palette reads which action is selected. */
export const [paletteStore, palette] = createSpotlight();
