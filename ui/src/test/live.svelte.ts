/** A stand-in for the live event-bus state whose fields are reactive, so tests can play events into a screen. */
export class FakeLive {
  status = $state('open');
  activitiesVersion = $state(0);
  sync = $state.raw<unknown>(null);
  importJob = $state.raw<unknown>(null);
  channels = $state.raw<unknown>(null);
  start(): void {}
  stop(): void {}
}
