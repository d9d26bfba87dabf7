import { bootstrap } from '@vendure/core';
import { stockroomConfig } from './vendure-config';

const started = Date.now();
bootstrap(stockroomConfig())
  .then(() => console.info(`Stockroom server ready on http://127.0.0.1:${process.env.PORT ?? 3000}/api in ${Date.now() - started} ms`))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
