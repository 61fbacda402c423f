// `npm run db:migrate`: applies pending migrations in drizzle/ to DATABASE_PATH.
import { openDb } from '../src/lib/server/db';

const path = process.env.DATABASE_PATH ?? './data/academy.db';
openDb(path).$client.close();
console.log(`Migrations applied to ${path}.`);
