import { startServer } from '../../api/server.js';
import { flagNumber, flagString, parseArgs } from '../args.js';

/** hubflow serve [--port N] [--host H] [--data DIR] */
export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { values: ['port', 'host', 'data'] });
  await startServer({ port: flagNumber(args, 'port'), host: flagString(args, 'host'), dataDir: flagString(args, 'data') });
}
