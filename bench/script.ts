/**
 * Runs a bench script's `main` and exits: 0 when it finished, 1 (with the error printed) when it
 * failed. Exiting outright ends what a library left running (pools, timers).
 */
export function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
