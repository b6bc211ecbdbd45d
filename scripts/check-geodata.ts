/** npm run check:geodata — validates every file in geodata/ and prints one line per problem. */
import { fileURLToPath } from 'node:url';
import { checkGeodataDir } from '../src/lib/plan/check.ts';
import { formatProblem } from '../src/lib/plan/validate.ts';

const dir = process.argv[2] ?? fileURLToPath(new URL('../geodata', import.meta.url));
const { problems, counts } = checkGeodataDir(dir);
const total = Object.values(counts).reduce((a, b) => a + b, 0);
for (const p of problems) console.error(formatProblem(p));
console.log(`check:geodata: ${total} features in ${Object.keys(counts).length} files, ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
