import { benchObservatory } from './bench/observatory-bench.ts';
import { withScratchPostgres } from './bench/postgres.ts';
const r = await withScratchPostgres((url) => benchObservatory(url, 2));
console.log(JSON.stringify(r?.submissions, null, 1));
