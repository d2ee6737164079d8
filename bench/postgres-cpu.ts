import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { withClient } from './with-client';

/** Linux counts a process's CPU time in clock ticks (USER_HZ: 100 on common kernels). */
function ticksPerSecond(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** A process's parent, its name and its CPU ticks (own, and of its children it has reaped). */
function processStat(pid: number) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The name sits in parentheses and may hold spaces; the fields after it are plain.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
    parent: Number(fields[1]),
    ownTicks: Number(fields[11]) + Number(fields[12]),
    reapedTicks: Number(fields[13]) + Number(fields[14]),
  };
}

/** The server's main process, when it runs on this machine, read while a backend of it lives. */
async function postmasterOf(url: string): Promise<number | null> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    try {
      const postmaster = processStat(rows[0].pid).parent;
      return processStat(postmaster).name.startsWith('postgres') ? postmaster : null;
    } catch {
      return null; // a server on another machine: its backend is no process of ours
    }
  });
}

/**
 * A clock of the CPU seconds the PostgreSQL server has used, all its processes together (the
 * backends of every client, and those that have exited, which the postmaster has reaped; the WAL
 * writer, the checkpointer), when the server runs on this machine: null when it does not or
 * `/proc` does not say. Read before and after a run, it gives the database's CPU per step.
 */
export async function postgresCpuClock(url: string): Promise<(() => number) | null> {
  const postmaster = await postmasterOf(url);
  if (postmaster === null) return null;
  const perSecond = ticksPerSecond();
  /** The ticks of the postmaster's children now alive (zombies, not yet reaped, included). */
  const children = () => {
    let ticks = 0;
    for (const entry of readdirSync('/proc')) {
      const pid = Number(entry);
      if (!Number.isInteger(pid) || pid === postmaster) continue;
      try {
        const stat = processStat(pid);
        if (stat.parent === postmaster) ticks += stat.ownTicks;
      } catch {
        // Gone while we looked (reaped): the reaped ticks read after will have changed.
      }
    }
    return ticks;
  };
  return () => {
    // A child reaped during the scan would be in neither sum: scan again until the reaped ticks
    // are the same before and after.
    for (let attempt = 0; attempt < 100; attempt++) {
      const before = processStat(postmaster);
      const alive = children();
      const after = processStat(postmaster);
      if (after.reapedTicks === before.reapedTicks) {
        return (after.ownTicks + after.reapedTicks + alive) / perSecond;
      }
    }
    throw new Error(`PostgreSQL's processes kept exiting while their CPU time was read`);
  };
}
