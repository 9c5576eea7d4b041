// `cli serve`: the same server as `npm start`.
import { ConfigError } from '../config.ts';
import { StartError, serveUntilSignalled } from '../main.ts';
import { CliError } from './cli-error.ts';

export async function run(args: string[]): Promise<void> {
  const unknown = args.filter((a) => a !== '--dev');
  if (unknown.length) throw new CliError(`serve takes no arguments (got ${unknown.join(' ')}); use HOST, PORT, DUIZHAO_DB`);
  try {
    await serveUntilSignalled({ dev: args.includes('--dev') });
  } catch (err) {
    if (err instanceof ConfigError || err instanceof StartError) throw new CliError(err.message);
    throw err;
  }
}
