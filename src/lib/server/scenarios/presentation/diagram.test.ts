import { describe, expect, it } from 'vitest';
import { loadFixture } from '$testing/scenario-fixtures';
import { analyse } from '../engine';
import { drawScenarioDiagram, edgeKey, escapeXml, renderScenarioDiagram, titleOf, wrapText } from './diagram';

const def = await loadFixture('good-scenario');
const best = analyse(def).bestPathStates;
const learner = ['arrival', 'talking', 'struggle', 'harm'];

/** Minimal well-formedness check: every tag closes in order, and no bare & or < in text. */
function assertWellFormed(svg: string): void {
	const stack: string[] = [];
	for (const match of svg.matchAll(/<(\/?)([a-zA-Z]+)([^>]*?)(\/?)>/g)) {
		const [, closing, name = '', , selfClosing] = match;
		if (selfClosing) continue;
		if (closing) expect(stack.pop()).toBe(name);
		else stack.push(name);
	}
	expect(stack).toEqual([]);
	expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
	const text = svg.replace(/<[^>]*>/g, '');
	expect(text).not.toContain('<');
}

describe('renderScenarioDiagram', () => {
	const svg = renderScenarioDiagram(def, { learnerPath: learner, bestPath: best });

	it('is a well-formed, scalable, accessible SVG', () => {
		assertWellFormed(svg);
		expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 [\d.]+ [\d.]+"/);
		expect(svg).toContain('role="img"');
		expect(svg).toContain('aria-labelledby="scenario-good-scenario-title scenario-good-scenario-desc"');
		expect(svg).toContain('<title id="scenario-good-scenario-title">Map of the scenario: Test fixture: a man in distress on the high street</title>');
		expect(svg).toMatch(/<desc id="scenario-good-scenario-desc">7 decision points and 3 endings, read from top to bottom\. Your path: /);
	});

	it('draws one box per state and escapes their text', () => {
		expect(svg.match(/<g class="state/g)).toHaveLength(10);
		expect(svg).toContain('Sam is safe &amp; being');
		expect(svg).toContain('Ending: Risk of death');
	});

	it('marks the learner path with thick solid lines and the best path with dashed lines', () => {
		const learnerEdges = [...svg.matchAll(/<g class="edge[^"]*edge-learner[^"]*">.*?<\/g>/g)].map((m) => m[0]);
		const bestEdges = [...svg.matchAll(/<g class="edge[^"]*edge-best[^"]*">.*?<\/g>/g)].map((m) => m[0]);
		expect(learnerEdges).toHaveLength(learner.length - 1);
		expect(bestEdges).toHaveLength(best.length - 1);
		for (const edge of learnerEdges) expect(edge).toMatch(/stroke="#1d4ed8" stroke-width="4.5" marker-end/);
		for (const edge of bestEdges) expect(edge).toMatch(/stroke="#c2410c" stroke-width="2.5" stroke-dasharray="9 6"/);
		// arrival -> talking is on both paths: both lines are drawn, the dashed one shifted aside.
		expect(learnerEdges.filter((edge) => edge.includes('edge-best'))).toHaveLength(1);
		expect(svg).toContain('transform="translate(6 0)"');
	});

	it('explains the line styles in words, not only colour', () => {
		expect(svg).toContain('Your path: thick solid blue line');
		expect(svg).toContain('Best path: dashed orange line');
		const plain = renderScenarioDiagram(def);
		expect(plain).not.toContain('Your path');
		expect(plain).not.toContain('Best path');
		expect(plain).toContain('Other choices: thin grey line');
	});

	it('names each edge after the choices it stands for', () => {
		expect(svg).toContain(
			'<title>From &quot;You arrive to find a man shouting at traffic on…&quot; to ' +
				'&quot;Sam is on the ground, face down, struggling.&quot;: Take hold of his arms straight away</title>'
		);
		expect(svg).toContain('no decision in time');
	});

	it('uses the id prefix it is given, so two diagrams can share a page', () => {
		const other = renderScenarioDiagram(def, { idPrefix: 'second' });
		expect(other).toContain('id="second-title"');
		expect(other).toContain('url(#second-arrow-other)');
		expect(other).not.toContain('scenario-good-scenario');
	});

	it('draws a scenario with a cycle and an unreachable state', async () => {
		const broken = renderScenarioDiagram(await loadFixture('broken-scenario'), { learnerPath: ['start', 'loop', 'start'] });
		assertWellFormed(broken);
		expect(broken.match(/<g class="state/g)).toHaveLength(5);
	});
});

describe('text helpers', () => {
	it('titles a state by its final title or the first words of its narrative', () => {
		expect(titleOf(def.stateById.get('safe')!)).toBe('Sam is safe & being assessed');
		expect(titleOf(def.stateById.get('arrival')!)).toBe('You arrive to find a man shouting at traffic on…');
		expect(titleOf(def.stateById.get('detained')!)).toBe('Sam is detained. Where do you take him?');
	});

	it('wraps words into short lines and ends overflow with an ellipsis', () => {
		expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
		expect(wrapText('one two three four five six', 9, 2)).toEqual(['one two', 'three…']);
		expect(wrapText('supercalifragilistic', 8)).toEqual(['superca…']);
		expect(wrapText('   ')).toEqual([]);
	});

	it('escapes the five XML special characters', () => {
		expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
	});
});

describe('renderScenarioDiagram weighted by use', () => {
	const [first, second] = def.states[0]!.transitions.map((t) => t.target);
	const from = def.states[0]!.id;
	const weights = new Map([
		[edgeKey(from, first!), { share: 0.8, label: '80%' }],
		[edgeKey(from, second!), { share: null, label: 'withheld' }]
	]);
	const svg = renderScenarioDiagram(def, { weights });

	it('draws each edge as wide as its share, writes its figure beside it, and marks a withheld one by a dashed line and the word', () => {
		assertWellFormed(svg);
		const edge = (label: string) => [...svg.matchAll(/<g class="edge[^"]*">.*?<\/g>/g)].map((m) => m[0]).find((g) => g.includes(`>${label}</text>`));
		const heavy = edge('80%');
		expect(heavy).toContain(`stroke-width="11.4"`); // 1 + 0.8 × (14 − 1)
		expect(heavy).toContain('(80%)</title>');
		if (first !== second) {
			const withheld = edge('withheld');
			expect(withheld).toContain('stroke-dasharray');
			expect(withheld).toContain('edge-withheld');
		}
		expect(svg).toContain('Thin dashed line: figure withheld');
		// no learner or best path legend on an insight map
		expect(svg).not.toContain('Your path');
	});
});

describe('drawScenarioDiagram', () => {
	it("gives the drawing with its size and its text alternative, those of the SVG's own attributes, title and description", () => {
		const drawn = drawScenarioDiagram(def, { idPrefix: 'sized' });
		expect(drawn.svg).toBe(renderScenarioDiagram(def, { idPrefix: 'sized' }));
		expect(drawn.svg).toContain(` width="${drawn.width}" height="${drawn.height}"`);
		expect(drawn.width).toBeGreaterThan(200);
		expect(drawn.svg).toContain(`<title id="sized-title">${escapeXml(drawn.title)}</title>`);
		expect(drawn.svg).toContain(`<desc id="sized-desc">${escapeXml(drawn.description)}</desc>`);
		expect(drawn.description).toMatch(/decision points and \d+ endings/);
	});
});
