// The per-package builds load Lit's development build here (the test server resolves the
// "development" condition), which announces itself with a console warning that a page using the
// production build never sees; mark that one notice as given so the warning count is about lossquake.
(globalThis.litIssuedWarnings ??= new Set()).add('dev-mode');
