// Writes samples/seed004-customers.csv from the test fixture: `npm run samples`.
// A test checks that the committed file still matches the fixture, so the two cannot drift.
import { writeFileSync } from 'node:fs';
import { seed004Csv } from '../test/fixtures/seed004';

// Run from the project root (npm run samples).
writeFileSync('samples/seed004-customers.csv', seed004Csv());
