/**
 * Renders a scenario as a self-contained, accessible SVG string (no dependencies): states top to bottom,
 * the learner's path and the best path highlighted. Each path differs in colour AND line pattern (thick
 * solid vs dashed), and a text legend explains both, so colour is never the only cue.
 */
import type { ScenarioDefinition, ScenarioState } from '../engine';
import { layoutScenario, type GraphLayout, type LayoutEdge, type LayoutSlot } from './layout';

export interface DiagramOptions {
	/** State ids the learner passed through, from the initial state. */
	readonly learnerPath?: readonly string[];
	/** State ids of the best path, from the initial state. */
	readonly bestPath?: readonly string[];
	/** Prefix for element ids, so several diagrams can share a page. Defaults to one built from the slug. */
	readonly idPrefix?: string;
	/**
	 * Use of each edge (key `from` + NUL + `to`), for /insights: the line's width follows `share` (0 to 1, or null
	 * when withheld) and `label` is written beside it, so the figure never rests on width alone.
	 */
	readonly weights?: ReadonlyMap<string, EdgeWeight>;
}

export interface EdgeWeight {
	readonly share: number | null;
	readonly label: string;
}

/** The key of an edge in `DiagramOptions.weights`. */
export const edgeKey = (from: string, to: string) => `${from}\u0000${to}`;
const WEIGHTED_MIN_WIDTH = 1;
const WEIGHTED_MAX_WIDTH = 14;

const BOX_WIDTH = 200;
const LINE_HEIGHT = 16;
const PADDING = 10;
const MAX_LINES = 3;
const CHARS_PER_LINE = 26;
const TITLE_WORDS = 10;
const GAP_X = 40;
const START_LABEL_ROOM = 44;
const WAYPOINT_WIDTH = 12;
const GAP_Y = 70;
const MARGIN = 30;
const LEGEND_LINE = 22;
const SHARED_EDGE_OFFSET = 6;
const BACK_LANE_GAP = 16;
const BACK_EDGE_CLEARANCE = 14;
const BACK_EDGE_SHIFT = 14;

const STYLE = {
	other: { colour: '#6b7280', width: 1.5, dash: '', arrow: 8 },
	weighted: { colour: '#1f2937', width: 2, dash: '', arrow: 10 },
	withheld: { colour: '#6b7280', width: 1, dash: '3 4', arrow: 8 },
	learner: { colour: '#1d4ed8', width: 4.5, dash: '', arrow: 13 },
	best: { colour: '#c2410c', width: 2.5, dash: '9 6', arrow: 11 }
} as const;
type EdgeStyle = keyof typeof STYLE;

interface Box {
	readonly state: ScenarioState;
	readonly x: number;
	readonly y: number;
	readonly height: number;
	readonly lines: readonly string[];
}

/** A drawn diagram with its size in CSS pixels and its text alternative (the SVG's own title and description). */
export interface DrawnDiagram {
	readonly svg: string;
	readonly width: number;
	readonly height: number;
	readonly title: string;
	readonly description: string;
}

export function renderScenarioDiagram(def: ScenarioDefinition, options: DiagramOptions = {}): string {
	return drawScenarioDiagram(def, options).svg;
}

/** The diagram and what a page needs to show it as an image of its own (<img> with width, height and alt). */
export function drawScenarioDiagram(def: ScenarioDefinition, options: DiagramOptions = {}): DrawnDiagram {
	// Ids end up in url(#…) references, so keep them to safe characters.
	const prefix = (options.idPrefix ?? `scenario-${def.slug}`).replace(/[^a-zA-Z0-9_-]/g, '-');
	const learner = pathEdges(options.learnerPath);
	const best = pathEdges(options.bestPath);
	const layout = layoutScenario(def);
	const placed = placeSlots(def, layout);

	const backEdges = layout.edges.filter((edge) => edge.back).length;
	const legend = options.weights ? weightedLegend() : legendEntries(learner.size > 0, best.size > 0);
	const width = placed.contentWidth + 2 * MARGIN + backEdges * BACK_LANE_GAP;
	const legendTop = placed.bottom + MARGIN + (backEdges > 0 ? MARGIN : 0);
	const height = legendTop + legend.length * LEGEND_LINE + MARGIN;

	let lane = 0;
	const edgeSvg = layout.edges.map((edge) => {
		const highlights: EdgeStyle[] = [];
		const key = `${edge.from}\u0000${edge.to}`;
		if (learner.has(key)) highlights.push('learner');
		if (best.has(key)) highlights.push('best');
		return renderEdge(edge, placed, highlights, edge.back ? lane++ : 0, prefix, options.weights?.get(key));
	});
	const nodeSvg = [...placed.boxes.values()].map((box) => renderBox(box, box.state.id === def.initial));
	const legendSvg = legend.map((entry, i) => renderLegendEntry(entry, MARGIN, legendTop + i * LEGEND_LINE, prefix));

	const title = `Map of the scenario: ${def.meta.title}`;
	const description = describe(def, options);
	const svg = [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(width)} ${num(height)}" width="${num(width)}" height="${num(height)}"`,
		` role="img" aria-labelledby="${prefix}-title ${prefix}-desc" font-family="system-ui, sans-serif" font-size="13">`,
		`<title id="${prefix}-title">${escapeXml(title)}</title>`,
		`<desc id="${prefix}-desc">${escapeXml(description)}</desc>`,
		`<defs>${(Object.keys(STYLE) as EdgeStyle[]).map((style) => marker(style, prefix)).join('')}</defs>`,
		`<rect width="100%" height="100%" fill="#ffffff"/>`,
		...edgeSvg,
		...nodeSvg,
		...legendSvg,
		'</svg>'
	].join('');
	return { svg, width: Number(num(width)), height: Number(num(height)), title, description };
}

interface Waypoint {
	readonly x: number;
	readonly top: number;
	readonly bottom: number;
}

interface Placement {
	readonly boxes: ReadonlyMap<string, Box>;
	/** Where an edge crosses a layer without stopping: x centre, and the top and bottom of the layer band. */
	readonly waypoints: ReadonlyMap<string, Waypoint>;
	readonly contentWidth: number;
	/** Bottom of the lowest layer. */
	readonly bottom: number;
}

/** Turns layers into coordinates: each layer centred, as tall as its tallest box. */
function placeSlots(def: ScenarioDefinition, layout: GraphLayout): Placement {
	const boxes = new Map<string, Box>();
	const waypoints = new Map<string, Waypoint>();
	const slotWidth = (slot: LayoutSlot) => (slot.kind === 'state' ? BOX_WIDTH : WAYPOINT_WIDTH);
	const layerWidths = layout.layers.map((layer) => layer.reduce((sum, slot) => sum + slotWidth(slot), 0) + Math.max(0, layer.length - 1) * GAP_X);
	const widest = Math.max(BOX_WIDTH, ...layerWidths);
	let y = MARGIN + LINE_HEIGHT; // room for lines that loop back into the top layer
	for (const [index, layer] of layout.layers.entries()) {
		const measured = layer.map((slot) => {
			const state = slot.kind === 'state' ? def.stateById.get(slot.id) : undefined;
			return { slot, state, lines: state ? boxLines(def, state) : [] };
		});
		const layerHeight = Math.max(LINE_HEIGHT, ...measured.map(({ state, lines }) => (state ? boxHeight(lines) : 0)));
		let x = MARGIN + START_LABEL_ROOM + (widest - (layerWidths[index] ?? 0)) / 2;
		for (const { slot, state, lines } of measured) {
			if (state) boxes.set(state.id, { state, x, y, height: boxHeight(lines), lines });
			else waypoints.set(slot.id, { x: x + WAYPOINT_WIDTH / 2, top: y, bottom: y + layerHeight });
			x += slotWidth(slot) + GAP_X;
		}
		y += layerHeight + GAP_Y;
	}
	return { boxes, waypoints, contentWidth: widest + START_LABEL_ROOM, bottom: y - GAP_Y };
}

/** One edge as a group titled with its choices; highlighted edges are drawn in their path styles only. */
function renderEdge(edge: LayoutEdge, placed: Placement, highlights: readonly EdgeStyle[], lane: number, prefix: string, weight?: EdgeWeight): string {
	const from = placed.boxes.get(edge.from);
	const to = placed.boxes.get(edge.to);
	if (!from || !to) return '';
	const via = edge.waypoints.flatMap((id) => {
		const point = placed.waypoints.get(id);
		return point ? [point] : [];
	});
	const laneAt = { x: MARGIN + placed.contentWidth + BACK_LANE_GAP * (lane + 1), offset: edge.back ? BACK_EDGE_SHIFT * (1 + (lane % 3)) : 0 };
	const d = edgePath(from, to, edge, via, laneAt);
	const label = `From "${titleOf(from.state)}" to "${titleOf(to.state)}": ${choiceLabels(from.state, edge).join('; ')}`;
	if (weight) return renderWeightedEdge(d, labelPoint(from, to, edge, via, laneAt), weight, `${label} (${weight.label})`, prefix);
	const styles: readonly EdgeStyle[] = highlights.length > 0 ? highlights : ['other'];
	// When both paths share an edge, the dashed line is shifted aside so both stay visible.
	const strokes = styles.map((style) => strokePath(d, style, prefix, style === 'best' && styles.length > 1));
	return `<g class="edge${styles.map((style) => ` edge-${style}`).join('')}"><title>${escapeXml(label)}</title>${strokes.join('')}</g>`;
}

/** An edge drawn by use: width from its share, a dashed thin line when withheld, and its figure written beside it. */
function renderWeightedEdge(d: string, at: { x: number; y: number }, weight: EdgeWeight, title: string, prefix: string): string {
	const style: EdgeStyle = weight.share === null ? 'withheld' : 'weighted';
	const width = weight.share === null ? STYLE.withheld.width : WEIGHTED_MIN_WIDTH + weight.share * (WEIGHTED_MAX_WIDTH - WEIGHTED_MIN_WIDTH);
	const dash = STYLE[style].dash === '' ? '' : ` stroke-dasharray="${STYLE[style].dash}"`;
	const path = `<path d="${d}" fill="none" stroke="${STYLE[style].colour}" stroke-width="${num(width)}"${dash} marker-end="url(#${prefix}-arrow-${style})"/>`;
	const text = `<text x="${num(at.x)}" y="${num(at.y)}" text-anchor="middle" font-weight="bold" paint-order="stroke" stroke="#ffffff" stroke-width="4">${escapeXml(weight.label)}</text>`;
	return `<g class="edge edge-${style}"><title>${escapeXml(title)}</title>${path}${text}</g>`;
}

/** Where an edge's figure goes: halfway down a forward edge (in its first waypoint band when it has one), or on a back edge's lane. */
function labelPoint(from: Box, to: Box, edge: LayoutEdge, via: readonly Waypoint[], lane: { x: number; offset: number }) {
	if (edge.back) return { x: lane.x, y: (from.y + from.height + to.y) / 2 };
	const first = via[0];
	if (first) return { x: first.x, y: (first.top + first.bottom) / 2 + 4 };
	return { x: (from.x + to.x) / 2 + BOX_WIDTH / 2, y: (from.y + from.height + to.y) / 2 + 4 };
}

function weightedLegend(): LegendEntry[] {
	return [
		{ style: 'weighted', text: 'Line width and figure: share of the decisions at that point that took this way' },
		{ style: 'withheld', text: 'Thin dashed line: figure withheld (too few people to show). Endings have rounded, double borders.' }
	];
}

/** Short title: a final state's title, otherwise the narrative's first words. */
export function titleOf(state: ScenarioState): string {
	if (state.final && state.final.title.trim() !== '') return state.final.title.trim();
	const words = state.narrative.trim().split(/\s+/).filter(Boolean);
	if (words.length === 0) return state.id;
	if (words.length <= TITLE_WORDS) return words.join(' ');
	return `${words
		.slice(0, TITLE_WORDS)
		.join(' ')
		.replace(/[.,;:!?]+$/, '')}…`;
}

/** Greedy word wrap; long words are cut, and overflow ends in an ellipsis. */
export function wrapText(text: string, maxChars = CHARS_PER_LINE, maxLines = MAX_LINES): string[] {
	const lines: string[] = [];
	let current = '';
	for (const rawWord of text.split(/\s+/).filter(Boolean)) {
		const word = rawWord.length > maxChars ? `${rawWord.slice(0, maxChars - 1)}…` : rawWord;
		if (current === '') current = word;
		else if (current.length + 1 + word.length <= maxChars) current += ` ${word}`;
		else {
			lines.push(current);
			current = word;
		}
	}
	if (current !== '') lines.push(current);
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	const last = kept[maxLines - 1] ?? '';
	kept[maxLines - 1] = `${last.length >= maxChars ? last.slice(0, maxChars - 1) : last}…`.replace(/……$/, '…');
	return kept;
}

export function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function pathEdges(path: readonly string[] | undefined): Set<string> {
	const edges = new Set<string>();
	for (let i = 1; i < (path?.length ?? 0); i++) edges.add(`${path?.[i - 1]}\u0000${path?.[i]}`);
	return edges;
}

function boxLines(def: ScenarioDefinition, state: ScenarioState): string[] {
	const lines = wrapText(titleOf(state));
	if (state.kind === 'final') {
		const outcome = state.final?.outcome;
		lines.push(`Ending: ${outcome ? def.vocabulary.outcomeLabel(outcome) : 'no outcome'}`);
	}
	return lines;
}

function boxHeight(lines: readonly string[]): number {
	return lines.length * LINE_HEIGHT + 2 * PADDING;
}

function renderBox(box: Box, isInitial: boolean): string {
	const isFinal = box.state.kind === 'final';
	const text = box.lines
		.map((line, i) => {
			const bold = isFinal && i === box.lines.length - 1 ? ' font-weight="bold"' : '';
			const lineY = box.y + PADDING + (i + 1) * LINE_HEIGHT - 4;
			return `<text x="${num(box.x + BOX_WIDTH / 2)}" y="${num(lineY)}" text-anchor="middle"${bold}>${escapeXml(line)}</text>`;
		})
		.join('');
	// Endings have rounded corners and a double border, so they stand out without colour.
	const outline = isFinal
		? `<rect x="${num(box.x)}" y="${num(box.y)}" width="${BOX_WIDTH}" height="${num(box.height)}" rx="12" fill="#f3f4f6" stroke="#111827" stroke-width="1.5"/>` +
			`<rect x="${num(box.x + 3)}" y="${num(box.y + 3)}" width="${BOX_WIDTH - 6}" height="${num(box.height - 6)}" rx="9" fill="none" stroke="#111827" stroke-width="1"/>`
		: `<rect x="${num(box.x)}" y="${num(box.y)}" width="${BOX_WIDTH}" height="${num(box.height)}" rx="3" fill="#ffffff" stroke="#111827" stroke-width="1.5"/>`;
	// Left of the box, so that lines coming in from above never cover it.
	const start = isInitial ? `<text x="${num(box.x - 8)}" y="${num(box.y + box.height / 2 + 4)}" text-anchor="end" font-weight="bold">Start</text>` : '';
	return `<g class="state${isFinal ? ' state-final' : ''}" data-state="${escapeXml(box.state.id)}"><title>${escapeXml(box.state.id)}</title>${start}${outline}${text}</g>`;
}

function edgePath(from: Box, to: Box, edge: LayoutEdge, via: readonly Waypoint[], lane: { x: number; offset: number }): string {
	if (edge.back) {
		// Leave downwards, run along the gap below the source to a lane right of every box, climb, and come
		// back along the gap above the target: the line never passes behind a box.
		const sx = from.x + BOX_WIDTH / 2 + lane.offset;
		const belowSource = from.y + from.height + BACK_EDGE_CLEARANCE + lane.offset / 2;
		const tx = to.x + BOX_WIDTH / 2 + lane.offset;
		const aboveTarget = to.y - BACK_EDGE_CLEARANCE - lane.offset / 2;
		return (
			`M ${num(sx)} ${num(from.y + from.height)} L ${num(sx)} ${num(belowSource)} L ${num(lane.x)} ${num(belowSource)}` +
			` L ${num(lane.x)} ${num(aboveTarget)} L ${num(tx)} ${num(aboveTarget)} L ${num(tx)} ${num(to.y - 4)}`
		);
	}
	// Down through each waypoint band, with vertical tangents so the curves join smoothly.
	const start = { x: from.x + BOX_WIDTH / 2, y: from.y + from.height };
	const end = { x: to.x + BOX_WIDTH / 2, y: to.y - 4 }; // stop short so the arrowhead touches the box
	let d = `M ${num(start.x)} ${num(start.y)}`;
	let at = start;
	for (const point of via) {
		d += curveTo(at, { x: point.x, y: point.top });
		d += ` L ${num(point.x)} ${num(point.bottom)}`;
		at = { x: point.x, y: point.bottom };
	}
	return d + curveTo(at, end);
}

function curveTo(from: { x: number; y: number }, to: { x: number; y: number }): string {
	const mid = (to.y - from.y) / 2;
	return ` C ${num(from.x)} ${num(from.y + mid)}, ${num(to.x)} ${num(to.y - mid)}, ${num(to.x)} ${num(to.y)}`;
}

/** `shifted` moves a line sideways so that two paths sharing an edge are both visible. */
function strokePath(d: string, style: EdgeStyle, prefix: string, shifted = false): string {
	const { colour, width, dash } = STYLE[style];
	const dashAttr = dash === '' ? '' : ` stroke-dasharray="${dash}"`;
	const shift = shifted ? ` transform="translate(${SHARED_EDGE_OFFSET} 0)"` : '';
	return `<path d="${d}" fill="none" stroke="${colour}" stroke-width="${width}"${dashAttr}${shift} marker-end="url(#${prefix}-arrow-${style})"/>`;
}

function marker(style: EdgeStyle, prefix: string): string {
	return (
		`<marker id="${prefix}-arrow-${style}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="${STYLE[style].arrow}" markerHeight="${STYLE[style].arrow}" ` +
		`markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="${STYLE[style].colour}"/></marker>`
	);
}

interface LegendEntry {
	readonly style: EdgeStyle;
	readonly text: string;
}

function legendEntries(hasLearner: boolean, hasBest: boolean): LegendEntry[] {
	const entries: LegendEntry[] = [];
	if (hasLearner) entries.push({ style: 'learner', text: 'Your path: thick solid blue line' });
	if (hasBest) entries.push({ style: 'best', text: 'Best path: dashed orange line' });
	entries.push({ style: 'other', text: 'Other choices: thin grey line. Endings have rounded, double borders.' });
	return entries;
}

function renderLegendEntry(entry: LegendEntry, x: number, y: number, prefix: string): string {
	const sample = strokePath(`M ${num(x)} ${num(y)} L ${num(x + 44)} ${num(y)}`, entry.style, prefix);
	return `<g class="legend">${sample}<text x="${num(x + 56)}" y="${num(y + 4)}">${escapeXml(entry.text)}</text></g>`;
}

function choiceLabels(state: ScenarioState, edge: LayoutEdge): string[] {
	return edge.events.map((event) => {
		const choice = state.choices.find((candidate) => candidate.event === event);
		if (choice) return choice.label;
		return event === state.hesitate ? 'no decision in time' : event;
	});
}

function describe(def: ScenarioDefinition, options: DiagramOptions): string {
	const endings = def.states.filter((state) => state.kind === 'final').length;
	const parts = [`${def.states.length - endings} decision points and ${endings} endings, read from top to bottom.`];
	const spell = (path: readonly string[]) =>
		path
			.map((id) => {
				const state = def.stateById.get(id);
				return state ? titleOf(state) : id;
			})
			.join(' → ');
	if (options.learnerPath && options.learnerPath.length > 0) parts.push(`Your path: ${spell(options.learnerPath)}.`);
	if (options.bestPath && options.bestPath.length > 0) parts.push(`Best path: ${spell(options.bestPath)}.`);
	return parts.join(' ');
}

/** Round coordinates so the SVG stays small and stable in snapshots. */
function num(value: number): string {
	return String(Math.round(value * 10) / 10);
}
