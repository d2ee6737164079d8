/** How many of everything: `--quick` runs in under two minutes, the full run takes longer. */
export function sizes(quick: boolean) {
  return {
    engineInstances: quick ? 5_000 : 50_000,
    bpmnEngineInstances: quick ? 200 : 1_000,
    pgbench: { clients: 8, seconds: quick ? 5 : 30, scale: quick ? 1 : 10 },
    storeInstances: quick ? 200 : 2_000,
    httpInstances: quick ? 100 : 1_000,
    emptyRequests: quick ? 3_000 : 12_000,
    concurrency: 8,
    timers: quick ? 500 : 5_000,
    openTasks: quick ? 200_000 : 1_000_000,
    inboxRounds: quick ? 100 : 500,
    dossiers: quick ? 100_000 : 1_000_000,
    metricsRounds: quick ? 5 : 20,
    waitingInDatabase: quick ? 300 : 2_000,
    waitingInMemory: quick ? 20_000 : 100_000,
    dbos: { fiveSteps: quick ? 150 : 2_000, fiveMessages: quick ? 150 : 1_200 },
    graphileChains: quick ? 300 : 2_500,
  };
}
