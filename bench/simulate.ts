import { perSecond } from './measure';
import { runScript } from './script';
import { benchWhatIf } from './what-if';

/**
 * `npm run bench:simulate [-- --weeks=N]`: how fast the what-if plays a busy commune's weeks,
 * in simulated dossiers a second (each a full run of the pure step, in one thread); then an
 * overloaded one (one checker for four's work), where the queues grow to thousands.
 */
async function main(): Promise<void> {
  const weeksArgument = process.argv.find((a) => a.startsWith('--weeks='));
  const weeks = weeksArgument ? Number(weeksArgument.slice('--weeks='.length)) : 26;
  for (const overloaded of [false, true]) {
    for (let round = 0; round < 3; round++) {
      const m = await benchWhatIf(weeks, overloaded);
      console.log(
        `what-if${overloaded ? ' overloaded' : ''}\t${weeks} weeks\t${m.count} dossiers\t${m.seconds.toFixed(2)} s\t${perSecond(m).toFixed(0)} dossiers/s`,
      );
    }
  }
}

runScript(main);
