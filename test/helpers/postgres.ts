/**
 * A throwaway PostgreSQL server for tests: initdb into a temporary directory, started on a unix
 * socket in that directory (no TCP port, nothing else on the machine can reach it), queried
 * with psql, stopped and deleted at the end. PostgreSQL refuses to run as root, so as root the
 * server runs as the `postgres` OS user that Debian's package creates.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PostgresServer {
  /** Runs SQL, returns the rows of the last statement as text cells (null for NULL). */
  query(sql: string): string[][];
  stop(): void;
}

/** The directory of pg_ctl, initdb and psql: PATH first, then Debian's versioned directories. */
export function postgresBin(): string | undefined {
  const onPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.trim() !== '') {
    const dir = path.dirname(onPath.stdout.trim());
    if (existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'psql'))) return dir;
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin/pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(root, versions[0], 'bin') : undefined;
}

function run(command: string, args: string[], asUser: string | undefined, input?: string): string {
  const [file, argv] = asUser ? ['runuser', ['-u', asUser, '--', command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8', input, maxBuffer: 256 * 2 ** 20 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
  return result.stdout;
}

/** Splits psql's --csv output (a header line, then rows; NULL is an unquoted empty field). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: (string | null)[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') {
      quoted = true;
      wasQuoted = true;
    } else if (ch === ',' || ch === '\n') {
      row.push(field === '' && !wasQuoted ? null : field);
      field = '';
      wasQuoted = false;
      if (ch === '\n') {
        rows.push(row as string[]);
        row = [];
      }
    } else field += ch;
  }
  return rows.slice(1);
}

export function startPostgres(bin: string): PostgresServer {
  const asUser = process.getuid?.() === 0 ? 'postgres' : undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'churn-pg-'));
  const data = path.join(dir, 'data');
  if (asUser) {
    const ids = run('id', ['-u', asUser], undefined).trim();
    const gid = run('id', ['-g', asUser], undefined).trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  const port = String(40000 + (process.pid % 20000));
  try {
    run(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale', '-N'], asUser);
    run(path.join(bin, 'pg_ctl'), ['-D', data, '-w', '-s', '-l', path.join(dir, 'log'), '-o', `-k ${dir} -c listen_addresses= -p ${port} -c fsync=off`, 'start'], asUser);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const psql = path.join(bin, 'psql');
  return {
    query(sql) {
      const out = run(psql, ['-X', '-q', '--csv', '-v', 'ON_ERROR_STOP=1', '-h', dir, '-p', port, '-U', 'postgres', '-d', 'postgres', '-f', '-'], undefined, sql);
      return parseCsv(out);
    },
    stop() {
      try {
        run(path.join(bin, 'pg_ctl'), ['-D', data, '-w', '-s', '-m', 'immediate', 'stop'], asUser);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
