// Stands in for react-devtools-core in the app bundle (see bundle-app.mjs):
// Ink loads it only when DEV=true, to connect to React DevTools.
export default {
  initialize() {},
  connectToDevTools() {},
}
