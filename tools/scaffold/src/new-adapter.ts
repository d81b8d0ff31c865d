import { parseArgs } from 'node:util';
import { nextSteps, ScaffoldError, scaffoldAdapter } from './scaffold';

const USAGE = 'Usage: npm run scaffold:adapter -- --port supplier --name acme-erp [--dir adapters] [--description "…"]';

/** CLI: generates an adapter package; exits 1 with a message on a refusal. */
function main(argv: string[]): number {
  let values: { port?: string; name?: string; dir?: string; description?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, name: { type: 'string' }, dir: { type: 'string' }, description: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 1;
  }
  if (values.help) {
    console.info(USAGE);
    return 0;
  }
  try {
    const result = scaffoldAdapter({ port: values.port ?? '', name: values.name ?? '', dir: values.dir, description: values.description });
    console.info(nextSteps(result, values.name ?? ''));
    return 0;
  } catch (e) {
    if (!(e instanceof ScaffoldError)) throw e;
    console.error(`${e.message}\n${USAGE}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
