// Writes samples/seed004-customers.csv from the test fixture: `npm run samples`.
// A test checks that the committed file still matches the fixture, so the two cannot drift.
import { writeFileSync } from 'node:fs';
import { seed004Csv } from '../test/fixtures/seed004';

writeFileSync(new URL('../samples/seed004-customers.csv', import.meta.url), seed004Csv());
