/**
 * Writes docs/openapi.json from the zod schemas (`npm run openapi`). The file is
 * formatted the way Prettier would, so `npm run format` leaves it as it is.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { buildOpenApiDocument } from '../src/contract/openapi.ts';

const target = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));
const config = await resolveConfig(target);
const text = await format(JSON.stringify(buildOpenApiDocument(), null, 2), { ...config, parser: 'json', filepath: target });
await writeFile(target, text);
process.stdout.write(`Wrote ${target}\n`);
