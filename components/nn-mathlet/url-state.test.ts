// URL state shares the fragment: other parts (anchors too) are kept as written, a bad link keeps its message and
// stays in the address bar until the student changes something, empty fields are refused. Seeded fuzz of malformed
// and hostile fragments, for the parser, the fragment writer and the element.
import { expect, fixture, html } from '@open-wc/testing';
import { RandomState, SEMICIRCLE_BEST } from '../../src/core.js';
import type { NetParams } from '../internal/params.js';
import { MathletHarness } from './harness.js';
import { NnMathlet } from './nn-mathlet.js';
import {
  MAX_STATE_CHARS,
  encodeState,
  fragmentParts,
  parseState,
  readFragment,
  writeFragment,
  type UrlState,
} from './url-state.js';

const BEST = SEMICIRCLE_BEST as unknown as NetParams;
const GOOD = encodeState({ point: [0.4, 0.6], params: BEST });
const setHash = (hash: string) => history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A mathlet made the way a page makes one: its nn-error listener is there before it connects. */
async function mount(attrs: string) {
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  const errors: string[] = [];
  const tmp = document.createElement('div');
  tmp.innerHTML = `<nn-mathlet ${attrs}></nn-mathlet>`;
  const el = tmp.firstElementChild as NnMathlet;
  el.addEventListener('nn-error', (e) => errors.push(e.message));
  wrap.append(el);
  const h = new MathletHarness(el);
  await h.settle();
  return { h, el, errors, message: () => el.shadowRoot!.querySelector('[part=error]')?.textContent ?? '' };
}

function randomState(rs: RandomState, hidden: number): UrlState {
  const [x, y] = rs.randomSample(2);
  const v = () => rs.uniform(-2, 2, 1)[0];
  const params: NetParams = {
    W1: Array.from({ length: hidden }, () => [v(), v()]),
    b1: Array.from({ length: hidden }, v),
    W2: [Array.from({ length: hidden }, v), Array.from({ length: hidden }, v)],
    b2: [v(), v()],
  };
  return { point: [x, y], params };
}

/** A malformed or hostile variant of a good state or fragment, drawn from `rs`. */
function mutate(rs: RandomState, text: string): string {
  const pick = <T,>(xs: readonly T[]) => xs[rs.randint(0, xs.length, 1)[0]];
  const junk = [
    ...['', ',', '~', '&', '=', '#', '%', '%E0%A4%A', '%00', '+', '-', '.', 'e', 'NaN', 'Infinity', '-Infinity'],
    ...['1e999', '0x10', ' 1', '1_0', '\u0000', '\u202e', '😀', '..', '9'.repeat(400)],
    ...['<script>alert(1)</script>', 'javascript:alert(1)'],
  ];
  const at = rs.randint(0, text.length + 1, 1)[0];
  switch (rs.randint(0, 7, 1)[0]) {
    case 0: return text.slice(0, at) + pick(junk) + text.slice(at);
    case 1: return text.slice(0, at) + text.slice(at + 1 + rs.randint(0, 5, 1)[0]);
    case 2: return text.split(',').map((f) => (rs.randomSample(1)[0] < 0.3 ? '' : f)).join(',');
    case 3: return text.split(',').map((f) => (rs.randomSample(1)[0] < 0.2 ? pick(junk) : f)).join(',');
    case 4: return text.repeat(1 + rs.randint(1, 4, 1)[0]);
    case 5: return Array.from({ length: rs.randint(0, 40, 1)[0] }, () => pick(junk)).join('');
    default: return text.replace(/[,~]/g, () => pick([',', '~', ',,', '']));
  }
}

describe('url-state: reading a state', () => {
  it('round-trips states of 1 to 8 hidden units, and the published parameters exactly', () => {
    const rs = new RandomState(3);
    for (let hidden = 1; hidden <= 8; hidden++) {
      const s = randomState(rs, hidden);
      const back = parseState(encodeState(s), hidden) as UrlState;
      expect(encodeState(back)).to.equal(encodeState(s));
    }
    expect((parseState(GOOD, 3) as UrlState).params).to.deep.equal(BEST);
  });

  it('refuses empty fields instead of reading zeros, and names the field', () => {
    expect(parseState(',~' + ','.repeat(16), 3)).to.equal("the point's 1st number is empty");
    expect(parseState('0.2,~' + ','.repeat(16), 3)).to.equal("the point's 2nd number is empty");
    const fields = GOOD.split('~')[1].split(',');
    fields[2] = '';
    expect(parseState(`0.2,0.3~${fields.join(',')}`, 3)).to.equal('parameter W1.1.0 is empty');
  });

  it('refuses what Number() would read but a link never holds, numbers out of range, and wrong counts', () => {
    const swap = (i: number, v: string) => {
      const f = GOOD.split('~')[1].split(',');
      f[i] = v;
      return `0.4,0.6~${f.join(',')}`;
    };
    expect(parseState(swap(0, ' 1'), 3)).to.equal('parameter W1.0.0 is " 1", not a number');
    for (const v of ['0x10', 'Infinity', 'NaN', '1_0', '1e', '+-1']) {
      expect(parseState(swap(0, v), 3)).to.contain('not a number');
    }
    expect(parseState(swap(16, '1e999'), 3)).to.equal('parameter b2.1 is Infinity, beyond ±1000000');
    expect(parseState(swap(3, '-2e6'), 3)).to.equal('parameter W1.1.1 is -2000000, beyond ±1000000');
    expect(parseState(`1.5,0.3~${GOOD.split('~')[1]}`, 3)).to.equal('the point (1.5, 0.3) is outside the unit square');
    expect(parseState(GOOD, 4)).to.equal('it gives 17 parameters; a network of 4 hidden units has 22');
    expect(parseState('0.1,0.2,0.3~1', 3)).to.equal('it gives 3 numbers for the point, not 2 (x,y)');
    expect(parseState('0.1,0.2', 3)).to.equal('it is not of the form x,y~parameters');
    expect(parseState('9'.repeat(MAX_STATE_CHARS + 1), 3)).to.contain('more than 2048');
  });

  it('fuzz: 600 malformed and hostile states never throw, and what is accepted is a valid state', () => {
    const rs = new RandomState(14);
    let accepted = 0;
    for (let i = 0; i < 600; i++) {
      const hidden = 1 + rs.randint(0, 8, 1)[0];
      const text = mutate(rs, encodeState(randomState(rs, hidden)));
      const s = parseState(text, hidden);
      if (typeof s === 'string') continue;
      accepted++;
      expect(s.point.every((v) => v >= 0 && v <= 1), text).to.equal(true);
      const values = [...s.params.W1.flat(), ...s.params.b1, ...s.params.W2.flat(), ...s.params.b2];
      expect(values.every((v) => Number.isFinite(v) && Math.abs(v) <= 1e6), text).to.equal(true);
      expect(values.length).to.equal(5 * hidden + 2);
    }
    expect(accepted, 'some mutations keep a valid state').to.be.greaterThan(0);
  });
});

describe('url-state: the fragment', () => {
  afterEach(() => setHash(''));

  it('a plain anchor stays as it is: #intro becomes #intro&m=…', () => {
    setHash('#intro');
    writeFragment('m', GOOD);
    expect(location.hash).to.equal(`#intro&m=${GOOD}`);
    writeFragment('m', GOOD.replace('0.4', '0.5'));
    expect(fragmentParts()).to.deep.equal(['intro', `m=${GOOD.replace('0.4', '0.5')}`]);
  });

  it('reads old percent-encoded links, and refuses an entry given twice or broken encoding', () => {
    expect(readFragment('m', `#m=${encodeURIComponent(GOOD)}`)).to.deep.equal({ text: GOOD });
    expect(readFragment('m', `#m=${GOOD}&x=1&m=${GOOD}`)).to.deep.equal({ problem: 'the link gives it 2 times' });
    expect(readFragment('m', '#m=%E0%A4%A')).to.deep.equal({ problem: 'its percent-encoding is broken' });
    expect(readFragment('m', '#intro&mm=1&m')).to.equal(undefined);
    expect(readFragment('a&b=c', `#${encodeURIComponent('a&b=c')}=${GOOD}`)).to.deep.equal({ text: GOOD });
  });

  it('fuzz: 400 hostile fragments keep every other part byte for byte, and the entry comes back as written', () => {
    const rs = new RandomState(15);
    for (let i = 0; i < 400; i++) {
      const part = () => mutate(rs, rs.randomSample(1)[0] < 0.5 ? 'intro' : 'q=1');
      const others = Array.from({ length: rs.randint(0, 6, 1)[0] }, part);
      const id = rs.randomSample(1)[0] < 0.8 ? 'm' : mutate(rs, 'm');
      const kept = others.filter((p) => !p.split('&').some((q) => q.startsWith(`${encodeURIComponent(id)}=`)));
      setHash(`#${kept.join('&')}`);
      const before = fragmentParts();
      writeFragment(id, GOOD);
      const after = fragmentParts();
      expect(after.filter((p) => p !== `${encodeURIComponent(id)}=${GOOD}`), location.hash).to.deep.equal(
        before.filter((p) => !p.startsWith(`${encodeURIComponent(id)}=`)),
      );
      expect(readFragment(id), location.hash).to.deep.equal({ text: GOOD });
    }
  });
});

describe('url-state in <nn-mathlet>', () => {
  afterEach(() => {
    setHash('');
    scrollTo(0, 0);
  });

  it('writes nothing until the student changes something, then keeps the anchor beside its entry', async () => {
    setHash('#intro');
    const { h } = await mount('id="m1" url-state');
    await wait(250);
    expect(location.hash).to.equal('#intro');
    h.button('Show best').click();
    await h.settle();
    await wait(250);
    expect(fragmentParts()[0]).to.equal('intro');
    expect(readFragment('m1')).to.deep.equal({ text: encodeState({ point: [0.2, 0.3], params: BEST }) });
  });

  it('a bad link shows its message after the first render, stays in the link, and goes when the student acts', async () => {
    const bad = `#intro&m2=,~${','.repeat(16)}`;
    setHash(bad);
    const { h, el, errors, message } = await mount('id="m2" url-state');
    expect(errors).to.have.length(1);
    expect(message()).to.contain("The link's state for #m2 cannot be used (the point's 1st number is empty)");
    expect(el.point).to.deep.equal([0.2, 0.3]);
    el.requestUpdate();
    await h.settle();
    await wait(250);
    expect(location.hash, 'left as it was').to.equal(bad);
    expect(message()).to.contain('cannot be used');
    h.button('Reset').click();
    await h.settle();
    await wait(250);
    expect(message()).to.equal('');
    expect(fragmentParts()[0]).to.equal('intro');
    expect(readFragment('m2')).to.deep.equal({ text: encodeState({ point: [0.2, 0.3], params: el.params }) });
  });

  it('a link to a state and a plain anchor restores the state and still brings the anchor into view', async () => {
    const spacer = await fixture<HTMLDivElement>(html`<div style="height: 3000px"></div><p id="far-anchor">here</p>`);
    setHash(`#far-anchor&m3=${GOOD}`);
    const { el } = await mount('id="m3" url-state');
    expect(el.point).to.deep.equal([0.4, 0.6]);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(scrollY).to.be.greaterThan(1000);
    spacer.remove();
  });

  it('follows the fragment: a state link on the page restores, a jump to an anchor keeps the entry', async () => {
    const { h, el } = await mount('id="m4" url-state');
    h.button('Show best').click();
    await h.settle();
    await wait(250);
    const written = readFragment('m4');
    location.hash = '#elsewhere';
    await new Promise((resolve) => addEventListener('hashchange', resolve, { once: true }));
    expect(fragmentParts()[0]).to.equal('elsewhere');
    expect(readFragment('m4')).to.deep.equal(written);
    location.hash = `#m4=${GOOD}`;
    await new Promise((resolve) => addEventListener('hashchange', resolve, { once: true }));
    await h.settle();
    expect(el.point).to.deep.equal([0.4, 0.6]);
  });

  it('fuzz: 30 hostile links give a restored state or a message, never a throw or a blank element', async () => {
    const rs = new RandomState(16);
    const thrown: unknown[] = [];
    const onError = (e: ErrorEvent) => thrown.push(e.error ?? e.message);
    addEventListener('error', onError);
    try {
      for (let i = 0; i < 30; i++) {
        setHash(`#${mutate(rs, `a&m5=${GOOD}`)}`);
        const hash = location.hash; // as the browser keeps it, percent-encoded where it must be
        const expected = readFragment('m5');
        const { el, errors, message } = await mount('id="m5" url-state');
        expect(el.getBoundingClientRect().height, hash).to.be.greaterThan(100);
        const state = expected && 'text' in expected ? parseState(expected.text, 3) : expected?.problem;
        if (state === undefined) expect(errors, hash).to.have.length(0);
        else if (typeof state === 'string') {
          expect(message(), hash).to.contain(state);
          expect(location.hash, hash).to.equal(hash);
        } else expect(el.point, hash).to.deep.equal(state.point);
        el.remove();
      }
    } finally {
      removeEventListener('error', onError);
    }
    expect(thrown).to.deep.equal([]);
  });
});
