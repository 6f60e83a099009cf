// Bad input everywhere: every attribute of every element (from the custom-elements.json manifests)
// with bad values; `src` answers that fail in every way; markup smuggled in as text.
import { expect } from '@open-wc/testing';
import {
  canvasOf,
  closePages,
  deepElements,
  delay,
  messageOf,
  nextError,
  openPage,
  paintedPixels,
  waitFor,
  type BatchSampler,
  type LossContour,
  type LossSurface,
  type Page,
} from './helpers.js';

const INJECTED = '<img src=x onerror="window.__pwned=1">';
const BAD_VALUES = [
  '',
  'abc',
  '-1',
  '1e309',
  'NaN',
  '-Infinity',
  '99999999999',
  'unknown-mode',
  INJECTED,
];

interface ManifestAttribute {
  name: string;
  fieldName?: string;
  type?: { text: string };
}
interface Manifest {
  modules: {
    declarations?: { name: string; tagName?: string; attributes?: ManifestAttribute[] }[];
  }[];
}
const TAG_OF: Record<string, string> = {
  BatchSampler: 'batch-sampler',
  LossContour: 'loss-contour',
  LossSurface: 'loss-surface',
};

async function attributesOf(
  pkg: string,
): Promise<{ tag: string; attributes: ManifestAttribute[] }> {
  const manifest = (await (
    await fetch(`/packages/${pkg}/custom-elements.json`)
  ).json()) as Manifest;
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.attributes?.length)
        return {
          tag: declaration.tagName ?? TAG_OF[declaration.name]!,
          attributes: declaration.attributes,
        };
    }
  }
  throw new Error(`no element with attributes in ${pkg}/custom-elements.json`);
}

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

function valid(type: string, value: unknown): boolean {
  if (/^number( \| null)?$/.test(type))
    return value === null || (typeof value === 'number' && Number.isFinite(value));
  if (type === 'boolean') return typeof value === 'boolean';
  if (/^string( \| null)?$/.test(type)) return value === null || typeof value === 'string';
  return false; // enums, extents, ranges: a bad value must be refused (kept, with a warning)
}

function same(a: unknown, b: unknown): boolean {
  if (ArrayBuffer.isView(a) || Array.isArray(a)) return String(a as unknown[]) === String(b);
  return Object.is(a, b);
}

/** A sampler and both views linked to it, with data drawn. */
async function linkedPage(): Promise<{
  page: Page;
  sampler: BatchSampler;
  contour: LossContour;
  surface: LossSurface;
}> {
  const page = await openPage('blank.html', { width: 520, height: 600 });
  const sampler = page.create('batch-sampler', { id: 's', samples: '100', resolution: '12' });
  const contour = page.create('loss-contour', { for: 's', transition: '0' });
  const surface = page.create('loss-surface', { for: 's', transition: '0' });
  for (const view of [contour, surface])
    view.style.cssText = 'display:block;width:200px;height:150px';
  page.doc.body.append(sampler, contour, surface);
  await sampler.step();
  await waitFor(() => paintedPixels(canvasOf(contour)) > 500, 'contour drawn');
  return { page, sampler, contour, surface };
}

describe('bad attribute values', () => {
  afterEach(closePages);

  for (const pkg of ['batch-sampler', 'loss-contour', 'loss-surface']) {
    it(`every attribute of the ${pkg} manifest: no throw, a warning or a kept value`, async () => {
      const { tag, attributes } = await attributesOf(pkg);
      expect(attributes.length).to.be.greaterThan(3);
      const { page, sampler, contour } = await linkedPage();
      const element = page.doc.querySelector(tag) as HTMLElement & Record<string, unknown>;
      const problems: string[] = [];
      for (const attribute of attributes) {
        const field = attribute.fieldName ?? camel(attribute.name);
        const type = attribute.type?.text ?? 'string';
        const original = element.getAttribute(attribute.name);
        for (const bad of BAD_VALUES) {
          const before = element[field];
          const warned = page.probe.warnings.length;
          try {
            element.setAttribute(attribute.name, bad);
          } catch (error) {
            problems.push(`${attribute.name}=${JSON.stringify(bad)} threw ${String(error)}`);
          }
          const after = element[field];
          const warnings = page.probe.warnings.slice(warned);
          const named = warnings.some(
            (w) =>
              w.includes(`<${tag}`) &&
              w.includes(attribute.name) &&
              w.includes(JSON.stringify(bad)),
          );
          if (warnings.length && !named)
            problems.push(
              `${attribute.name}=${JSON.stringify(bad)}: a warning that does not name it: ${warnings[0]}`,
            );
          if (!named && !same(before, after) && !valid(type, after))
            problems.push(
              `${attribute.name}=${JSON.stringify(bad)} became ${String(after)} without a warning`,
            );
          if (typeof after === 'number' && !Number.isFinite(after) && after !== before)
            problems.push(`${attribute.name}=${JSON.stringify(bad)} became ${after}`);
        }
        if (original === null) element.removeAttribute(attribute.name);
        else element.setAttribute(attribute.name, original);
      }
      // The same bad value again warns no more.
      const again = page.probe.warnings.length;
      element.setAttribute('sample', 'abc');
      element.setAttribute('sample', 'abc');
      if (tag === 'batch-sampler') element.setAttribute('seed', 'abc');
      element.removeAttribute('sample');
      expect(page.probe.warnings.length - again).to.be.at.most(1);

      expect(problems).to.deep.equal([]);
      await delay(300);
      expect(page.probe.errors, 'uncaught errors').to.deep.equal([]);
      expect(page.probe.rejections, 'unhandled rejections').to.deep.equal([]);
      // Still working afterwards.
      sampler.removeAttribute('src');
      const iteration = sampler.iteration;
      await sampler.step();
      expect(sampler.iteration).to.equal(iteration + 1);
      await waitFor(() => paintedPixels(canvasOf(contour)) > 500, 'contour drawn after');
    });
  }
});

describe('a src that fails', () => {
  afterEach(closePages);

  let elsewhere = '';
  before(async () => {
    elsewhere = ((await (await fetch('/__lossquake__/elsewhere')).json()) as { origin: string })
      .origin;
  });

  /**
   * Sets `src`, waits for `error`, and checks the message and the kept state. How long the page's
   * tasks run meanwhile is measured, not asserted: `--only=bad-src` in apps/bench.
   */
  async function fails(element: Element, url: string, kept: () => unknown) {
    const state = kept();
    const heard = nextError(element, 15000);
    element.setAttribute('src', url);
    const message = await heard;
    await delay(50);
    const shown = messageOf(element);
    expect(message, url).to.be.a('string').and.not.equal('');
    expect(shown, `${url}: message shown in place`).to.not.equal('');
    expect(kept(), `${url}: last good state kept`).to.equal(state);
    return { message, shown };
  }

  it('<batch-sampler>: 404, HTML, truncated JSON, ragged CSV, 50 MB, cross-origin without CORS', async () => {
    const page = await openPage('blank.html', { width: 400, height: 200 });
    const sampler = page.create('batch-sampler', { id: 's', resolution: '12' });
    page.doc.body.append(sampler);
    sampler.src = '/packages/batch-sampler/src/test-fixtures/small.csv';
    const good = await waitFor(() => sampler.dataset.n !== 1000 && sampler.dataset, 'small.csv');
    const messages: Record<string, string> = {};
    for (const url of [
      '/__lossquake__/data/missing.csv',
      '/__lossquake__/data/html.csv',
      '/__lossquake__/data/truncated-data.json',
      '/__lossquake__/data/ragged.csv',
      '/__lossquake__/data/huge.csv',
      '/__lossquake__/data/huge-chunked.csv',
      `${elsewhere}/data.csv`,
    ]) {
      messages[url] = (await fails(sampler, url, () => sampler.dataset)).message;
    }
    expect(sampler.dataset).to.equal(good);
    expect(messages['/__lossquake__/data/missing.csv']).to.match(/404/);
    expect(messages['/__lossquake__/data/html.csv']).to.match(/HTML/);
    expect(messages['/__lossquake__/data/huge.csv']).to.match(/20 MB/);
    expect(messages['/__lossquake__/data/huge-chunked.csv']).to.match(/20 MB/);
    expect(page.probe.errors).to.deep.equal([]);
  });

  for (const tag of ['loss-contour', 'loss-surface'] as const) {
    it(`<${tag}>: 404, HTML, truncated JSON, 50 MB, cross-origin without CORS`, async () => {
      const page = await openPage('blank.html', { width: 400, height: 300 });
      const view = page.create(tag, { transition: '0' }) as LossContour & LossSurface;
      view.style.cssText = 'display:block;width:200px;height:150px';
      page.doc.body.append(view);
      // The landscape on screen (a surface's `landscape` reads back the mode when it plays a src).
      const shown = () => view.currentLandscape;
      view.src = '/__lossquake__/data/frames.json?frames=1'; // one frame: it holds
      const good = await waitFor(shown, 'frames.json');
      for (const url of [
        '/__lossquake__/data/missing.json',
        '/__lossquake__/data/html.json',
        '/__lossquake__/data/truncated.json',
        '/__lossquake__/data/huge.json',
        '/__lossquake__/data/huge-chunked.json',
        `${elsewhere}/frames.json`,
      ]) {
        await fails(view, url, shown);
      }
      expect(shown()).to.equal(good);
      expect(page.probe.errors).to.deep.equal([]);
    });
  }
});

describe('text from attributes and data', () => {
  afterEach(closePages);

  it('is never interpreted as HTML', async () => {
    const { page, sampler, contour, surface } = await linkedPage();
    const { doc, win } = page;
    sampler.id = INJECTED;
    contour.setAttribute('for', INJECTED);
    surface.setAttribute('aria-label', INJECTED);
    contour.setAttribute('levels', INJECTED);
    surface.setAttribute('camera-group', INJECTED);
    // Data whose column names and cells are markup, from a URL that is markup too.
    const { Blob, URL } = win as unknown as typeof globalThis;
    const csv = new Blob([`x1,${INJECTED},y\n1,2,${INJECTED}\n`], { type: 'text/csv' });
    const csvUrl = URL.createObjectURL(csv);
    const failed = nextError(sampler);
    sampler.src = csvUrl;
    await failed;
    const badUrl = nextError(sampler);
    sampler.src = `/__lossquake__/data/${INJECTED}.csv`;
    await badUrl;
    const json = new Blob([`{"grid": "${INJECTED.replace(/"/g, '\\"')}", "frames": []}`], {
      type: 'application/json',
    });
    const lone = page.create('loss-contour', { src: URL.createObjectURL(json) });
    const frames = nextError(lone);
    doc.body.append(lone);
    await frames;
    const framesUrl = nextError(surface);
    surface.setAttribute('src', `/__lossquake__/data/${INJECTED}.json`);
    await framesUrl;
    // An inline data set whose text is markup.
    const inline = page.create('batch-sampler');
    const script = doc.createElement('script');
    script.type = 'application/json';
    script.textContent = `{"x": "${INJECTED.replace(/"/g, '\\"')}"}`;
    inline.append(script);
    const inlineFailed = nextError(inline);
    doc.body.append(inline);
    await inlineFailed;

    await delay(300);
    const images = deepElements(doc).filter((e) => e.localName === 'img');
    expect(images.length, 'img elements anywhere').to.equal(0);
    expect(win.__pwned, 'an onerror ran').to.equal(undefined);
    // The messages show the markup as text.
    expect(messageOf(sampler)).to.include('<img');
    expect(messageOf(surface)).to.include('<img');
    expect(page.probe.errors).to.deep.equal([]);
  });
});
