/** The commands of the `open1540` CLI, each with its help text. */
import { today } from '../core/dates.js';
import { checkReferenceData } from '../core/referenceData.js';
import { checkCatalogue } from '../db/loadCatalogue.js';
import { readCatalogueFiles } from '../ingest/matrixFiles.js';
import { createApp } from '../api/app.js';
import { openDb } from '../db/connection.js';
import { OFFLINE_DB } from '../db/offline.js';
import { migrate } from '../db/migrate.js';
import { DEFAULT_DATA_DIR, readReferenceData } from '../ingest/referenceFiles.js';
import { importUnodaFile, ImportRefused } from '../ingest/unodaImport.js';
import { prepareDatabase, startServer } from '../server.js';
import { accountCommands } from './accountCommands.js';
import { option } from './args.js';

export interface Command { name: string; args: string; help: string; run(args: string[]): Promise<number> }

export const commands: Command[] = [
  {
    name: 'serve', args: '',
    help: 'Starts the server on PORT (default 1540): migrates the database and loads the shipped reference data first.\n'
      + 'Uses the PostgreSQL server named by DATABASE_URL, or else an embedded PGlite database in DATA_DIR/db (default ./var/db).',
    async run() {
      const server = await startServer();
      const stop = async () => { await server.close(); process.exit(0); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise(() => {});
      return 0;
    },
  },
  {
    name: 'db migrate', args: '[--with-data]',
    help: 'Applies pending database migrations (DATABASE_URL or DATA_DIR). With --with-data, also loads the shipped reference data.',
    async run(args) {
      const db = await openDb();
      try {
        if (args.includes('--with-data')) await prepareDatabase(db, console.log);
        else {
          const applied = await migrate(db);
          console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
        }
      } finally { await db.close(); }
      return 0;
    },
  },
  {
    name: 'data check', args: '[--data-dir DIR]',
    help: 'Checks the reference data files (unknown codes, impossible or future dates, duplicates, actions without a source) and the\n'
      + 'matrix catalogue editions (duplicate ids, missing labels, dangling cross-references, unknown instruments or sources).\nExits 1 when any problem is found.',
    async run(args) {
      const dir = option(args, '--data-dir') ?? DEFAULT_DATA_DIR;
      const data = readReferenceData(dir);
      const problems = checkReferenceData(data, today());
      for (const p of problems) console.log(`${p.file}: ${p.where}: ${p.message}`);
      const catalogue = checkCatalogue(readCatalogueFiles(dir), new Set(data.instruments.map((i) => i.code)), new Set(data.sources.map((s) => s.id)));
      for (const p of catalogue.problems) console.log(p);
      const count = problems.length + catalogue.problems.length;
      console.log(`${data.states.length} States, ${data.instruments.length} instruments, ${data.actions.length} actions, ${data.sources.length} sources, `
        + `${catalogue.editions.length} matrix catalogue edition(s): ${count ? `${count} problem(s)` : 'no problems'}`);
      return count ? 1 : 0;
    },
  },
  {
    name: 'import unoda', args: 'FILE [--instrument CODE] [--data-dir DIR]',
    help: 'Imports participation data in the shape of the UNODA treaties data portal\n'
      + '({short_name, actions: [{date, action_type, state: {name}, depositary: {short_name}}]}, a list of those, or the portal\'s\n'
      + 'GraphQL response) into data/treaties/actions. State names are matched to codes; if any name is not matched,\n'
      + 'nothing is imported. Importing the same file twice changes nothing. The next start loads the new actions.',
    async run(args) {
      const file = args.find((a, i) => !a.startsWith('--') && !['--instrument', '--data-dir'].includes(args[i - 1] ?? ''));
      if (!file) { console.error('name the FILE to import'); return 2; }
      try {
        const report = importUnodaFile(file, option(args, '--data-dir') ?? DEFAULT_DATA_DIR, { instrument: option(args, '--instrument') });
        for (const r of report) console.log(`${r.instrument}: ${r.added} action(s) added, ${r.present} already present`);
        return 0;
      } catch (e) {
        if (e instanceof ImportRefused) { console.error(e.message); return 1; }
        throw e;
      }
    },
  },
  {
    name: 'openapi', args: '',
    help: 'Prints the OpenAPI 3.1 document of the API.',
    async run() {
      const { openapi } = createApp({ db: OFFLINE_DB });
      console.log(JSON.stringify(openapi(), null, 2));
      return 0;
    },
  },
  ...accountCommands,
];

export function usage(): string {
  return `open1540 — the open information system for UN Security Council resolution 1540

Usage: open1540 <command> [options]   (open1540 <command> --help for details)

${commands.map((c) => `  ${`${c.name} ${c.args}`.padEnd(52)} ${c.help.split('\n')[0]}`).join('\n')}

Environment: PORT (default 1540), DATA_DIR (default ./var), DATABASE_URL (postgres://…; default: embedded PGlite),
TRUST_PROXY=1 (take the client address from X-Forwarded-For)`;
}
