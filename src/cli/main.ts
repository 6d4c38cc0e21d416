/** The `open1540` command: serve, db migrate, data check, import unoda, openapi. */
import { commands, usage } from './commands.js';

/** Runs the command line; returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') { console.log(usage()); return 0; }
  const key = commands.find((c) => c.name === name || c.name === `${name} ${rest[0]}`);
  if (!key) { console.error(`open1540: unknown command "${argv.join(' ')}"\n\n${usage()}`); return 2; }
  const args = key.name.includes(' ') ? rest.slice(1) : rest;
  if (args.includes('--help') || args.includes('-h')) { console.log(`open1540 ${key.name} ${key.args}\n\n${key.help}`); return 0; }
  try {
    return await key.run(args);
  } catch (e) {
    console.error(`open1540 ${key.name}: ${(e as Error).message}`);
    return 1;
  }
}
