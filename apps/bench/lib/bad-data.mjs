// Every kind of bad answer a `src` can get, made on the fly under /__bench__/data/ (nothing big is
// committed): the same inputs as the `/__lossquake__/data/` answers of packages/lossquake's
// web-test-runner config, for the bad-src section.
import { Readable, pipeline } from 'node:stream';

const FIFTY_MB = 50 * 1024 * 1024;
const CSV_MB = Buffer.from('1.5,2.5,1\n'.repeat((1024 * 1024) / 10)); // about 1 MB of rows

/** A valid frames file for the views' `src`: one 9 × 9 bowl. */
function framesJson() {
  const values = [];
  for (let j = 0; j < 9; j++)
    for (let i = 0; i < 9; i++) values.push(((i - 4) ** 2 + (j - 4) ** 2) / 8);
  return JSON.stringify({ grid: { w1: [-20, 20], w2: [-20, 20], size: 9 }, frames: [{ values }] });
}

/** 50 MB of CSV rows in 1 MB chunks, with or without a Content-Length. */
function huge(response, declareLength) {
  response.writeHead(200, {
    'content-type': 'text/csv',
    'cache-control': 'no-store',
    ...(declareLength ? { 'content-length': FIFTY_MB } : {}),
  });
  function* chunks() {
    for (let sent = 0; sent < FIFTY_MB; sent += CSV_MB.length)
      yield CSV_MB.subarray(0, Math.min(CSV_MB.length, FIFTY_MB - sent));
  }
  // The page stops reading at 20 MB and cancels: a closed response ends the pipeline quietly.
  pipeline(Readable.from(chunks()), response, () => {});
}

const answers = {
  'frames.json': ['application/json', framesJson()],
  'ok.csv': ['text/csv', 'x1,x2,y\n0,0,0\n1,1,1\n'],
  // A single-page-app fallback: 200 with the site's HTML.
  'html.csv': ['text/html', '<!doctype html><html><body><h1>Welcome</h1></body></html>'],
  'html.json': ['text/html', '<!doctype html><html><body><h1>Welcome</h1></body></html>'],
  'truncated.json': ['application/json', framesJson().slice(0, 120)],
  'truncated-data.json': ['application/json', '{"x": [[0, 1], [1, 2], [2, '],
  'ragged.csv': ['text/csv', 'x1,x2,y\n0.1,0.2,0\n0.3,1\n0.5,0.6,1,7\n'],
};

/** Answers `/__bench__/data/<name>`; an unknown name (missing.csv, missing.json) is a 404. */
export function badData(name, response) {
  if (name === 'huge.csv' || name === 'huge.json') return huge(response, true);
  if (name === 'huge-chunked.csv' || name === 'huge-chunked.json') return huge(response, false);
  const answer = answers[name];
  if (!answer) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    return;
  }
  const [type, body] = answer;
  response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
}
