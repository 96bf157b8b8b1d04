// Preloaded into the CLI under test (NODE_OPTIONS=--import) to pin "now" to
// SHOWTELL_TEST_NOW, so commands that plan "from today" give the same answer
// on any day the suite runs. Only `new Date()`, `Date()` and `Date.now()`
// change; `new Date(x)`, `Date.parse` and `Date.UTC` behave as usual.
const fixed = Date.parse(process.env.SHOWTELL_TEST_NOW ?? '')
if (!Number.isNaN(fixed)) {
  const RealDate = Date
  const now = () => fixed
  globalThis.Date = new Proxy(RealDate, {
    construct: (target, args, newTarget) => Reflect.construct(target, args.length === 0 ? [fixed] : args, newTarget),
    apply: () => new RealDate(fixed).toString(),
    get: (target, property, receiver) => (property === 'now' ? now : Reflect.get(target, property, receiver)),
  })
}
