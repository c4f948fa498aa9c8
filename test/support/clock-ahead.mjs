// Preloaded (`node --import`) into a command-line run that is to happen later than now: its clock
// reads TEST_CLOCK_AHEAD_MS milliseconds ahead, so leases a killed run left have run out for it,
// without the test sleeping for them. Timers and performance.now() are untouched.
const ahead = Number(process.env.TEST_CLOCK_AHEAD_MS ?? 0);
if (Number.isFinite(ahead) && ahead !== 0) {
  const RealDate = Date;
  const now = () => RealDate.now() + ahead;
  globalThis.Date = new Proxy(RealDate, {
    construct: (target, args, newTarget) => Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget),
    apply: () => new RealDate(now()).toString(),
    get: (target, property, receiver) => (property === 'now' ? now : Reflect.get(target, property, receiver)),
  });
}
