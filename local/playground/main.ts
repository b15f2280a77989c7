// `npm start`: serves the playground on http://localhost:3000 (or $PORT) until stopped.
import path from 'node:path';
import { startPlayground } from './server';

const root = path.resolve(__dirname, '..');
const port = Number(process.env.PORT ?? 3000);
startPlayground(root, port)
  .then((playground) => {
    console.log(`Churn toolkit playground: ${playground.url}`);
    console.log('It runs the built add-on (dist/) against an in-memory spreadsheet; stop it with Ctrl+C.');
  })
  .catch((error: Error) => {
    console.error(`The playground could not start: ${error.message}`);
    process.exit(1);
  });
