import { expect } from '@open-wc/testing';
import { accept, numberType } from './attributes.js';
import { clip, fingerprint, WarnMemory } from './warn.js';
import { warnings } from './test-helpers/warnings.js';

describe('warn once, in bounded memory', () => {
  it('a huge bad value is warned once, shown clipped, and not kept whole', () => {
    const host = document.createElement('div');
    const huge = 'x'.repeat(1_000_000);
    const type = numberType({ fallback: 1 });
    const seen = warnings(() => {
      expect(accept(host, 'rate', huge, type, 2)).to.equal(2);
      expect(accept(host, 'rate', huge, type, 2)).to.equal(2);
    });
    expect(seen).to.have.length(1);
    expect(seen[0]!.length).to.be.below(400);
    expect(seen[0]).to.contain('1000002 characters');
  });

  it('two long values that differ only at the end are two problems', () => {
    const memory = new WarnMemory();
    const a = `${'y'.repeat(500)}a`;
    const b = `${'y'.repeat(500)}b`;
    expect(memory.first(a)).to.equal(true);
    expect(memory.first(b)).to.equal(true);
    expect(memory.first(a)).to.equal(false);
    expect(fingerprint(a)).to.not.equal(fingerprint(b));
    expect(fingerprint(a).length).to.be.below(20);
  });

  it('forgets the oldest problem past its bound instead of growing', () => {
    const memory = new WarnMemory();
    for (let i = 0; i < 300; i++) memory.first(`k${i}`);
    expect(memory.first('k299')).to.equal(false);
    expect(memory.first('k0')).to.equal(true); // forgotten, so it may warn again
  });

  it('clip keeps short text as it is', () => {
    expect(clip('"abc"')).to.equal('"abc"');
  });
});
