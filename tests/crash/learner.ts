// A learner signed in over HTTP who reads sections, takes knowledge checks, writes reflections and plays scenarios,
// one request at a time, keeping a journal of every write the server acknowledged.
import { expect, request, type APIRequestContext, type APIResponse } from '@playwright/test';
import type { ModuleFacts } from './content';
import type { BuiltServer } from './server';

export type RunPage = { step: number; choices: string[]; narrative: string };
export type KnownRun = { id: number; slug: string; events: string[]; finished: boolean; page: RunPage | null };

/** A write whose answer never came: it may or may not have been committed. */
export type Write =
	| { kind: 'sign-in' }
	| { kind: 'read'; slug: string; section: string }
	| { kind: 'quiz'; slug: string }
	| { kind: 'reflect'; slug: string; reflectionId: string; body: string }
	| { kind: 'start'; slug: string }
	| { kind: 'choose'; runId: number; event: string };

export type Random = () => number;
const pick = <T>(rand: Random, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const FORM = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };

/** The decision a run page shows: the step posted back, the choices offered and the situation text. */
export function parseRunPage(html: string): RunPage {
	const step = /name="step" value="(\d+)"/.exec(html)?.[1];
	const narrative = /class="scenario-narrative[^"]*">([\s\S]*?)<\/p>/.exec(html)?.[1];
	if (step === undefined || narrative === undefined) throw new Error(`Not a run page:\n${html.slice(0, 500)}`);
	return { step: Number(step), choices: [...html.matchAll(/name="event" value="([^"]+)"/g)].map((m) => m[1]), narrative };
}

export class Learner {
	readonly email: string;
	personId = 0;
	/** `slug/section` pairs whose read was acknowledged. */
	readonly reads = new Set<string>();
	/** Knowledge-check attempts acknowledged since the test began, by module. */
	readonly quizzes = new Map<string, number>();
	/** Completions acknowledged by a read's redirect, by module: a lower bound (a passing attempt can complete too). */
	readonly completions = new Map<string, number>();
	/** The latest acknowledged text of each `slug/reflection`. */
	readonly reflections = new Map<string, string>();
	readonly runs = new Map<number, KnownRun>();
	current: KnownRun | null = null;
	inFlight: Write | null = null;
	acknowledged = 0;
	private http!: APIRequestContext;
	private written = 0;

	constructor(
		email: string,
		private readonly server: BuiltServer,
		private readonly modules: ModuleFacts[],
		private readonly scenarios: string[]
	) {
		this.email = email;
	}

	async open(): Promise<void> {
		// Cookies live in this context, so the session survives the server being killed and started again.
		this.http = await request.newContext({ baseURL: this.server.origin, extraHTTPHeaders: { origin: this.server.origin } });
	}

	async close(): Promise<void> {
		await this.http?.dispose();
	}

	async signIn(password: string): Promise<void> {
		const res = await this.post('/login', { email: this.email, password }, { kind: 'sign-in' });
		if (!res) throw new Error(`${this.email}: the server went away while signing in`);
		this.expectRedirect(res, /^\/training$/);
		this.acknowledge();
	}

	/** Acts until the server goes away; the write then in flight stays in `inFlight`. */
	async work(rand: Random, round: number): Promise<void> {
		while (await this.act(rand, round));
	}

	private async act(rand: Random, round: number): Promise<boolean> {
		const r = rand();
		const module = pick(rand, this.modules);
		if (r < 0.3) return this.read(module, pick(rand, module.sections));
		if (r < 0.5) return this.quiz(module, rand() < 0.7);
		if (r < 0.6 && module.reflections.length)
			return this.reflect(module, pick(rand, module.reflections), `Round ${round}, note ${++this.written} by ${this.email}`);
		return this.scenarioMove(rand);
	}

	private async read(module: ModuleFacts, section: string): Promise<boolean> {
		// On a completed module a read starts a refresher only once confirmed: the learner here always confirms.
		const res = await this.post(`/modules/${module.slug}?/read`, { section, refresher: 'start' }, { kind: 'read', slug: module.slug, section });
		if (!res) return false;
		const location = this.expectRedirect(res, new RegExp(`^/modules/${module.slug}(\\?completed=1)?#`));
		this.reads.add(`${module.slug}/${section}`);
		if (location.includes('completed=1')) bump(this.completions, module.slug);
		this.acknowledge();
		return true;
	}

	private async quiz(module: ModuleFacts, right: boolean): Promise<boolean> {
		const form = new URLSearchParams();
		for (const q of module.questions) for (const option of right ? q.correct : [q.options[0]]) form.append(`q:${q.id}`, option);
		const res = await this.post(`/modules/${module.slug}?/submit`, form, { kind: 'quiz', slug: module.slug });
		if (!res) return false;
		await this.expectPage(res, 'id="quiz-result"');
		bump(this.quizzes, module.slug);
		this.acknowledge();
		return true;
	}

	private async reflect(module: ModuleFacts, reflectionId: string, body: string): Promise<boolean> {
		const res = await this.post(`/modules/${module.slug}?/reflect`, { reflectionId, body }, { kind: 'reflect', slug: module.slug, reflectionId, body });
		if (!res) return false;
		await this.expectPage(res, body);
		this.reflections.set(`${module.slug}/${reflectionId}`, body);
		this.acknowledge();
		return true;
	}

	/** Starts (or resumes) a run, looks at the decision in front of the learner, or makes it. */
	private async scenarioMove(rand: Random): Promise<boolean> {
		if (!this.current) {
			const slug = pick(rand, this.scenarios);
			const res = await this.post(`/scenarios/${slug}?/start`, {}, { kind: 'start', slug });
			if (!res) return false;
			const location = this.expectRedirect(res, new RegExp(`^/scenarios/${slug}/runs/\\d+$`));
			const id = Number(location.split('/').pop());
			const run = this.runs.get(id) ?? { id, slug, events: [], finished: false, page: null };
			this.runs.set(id, run);
			this.current = run;
			this.acknowledge();
			return true;
		}
		const run = this.current;
		if (!run.page) {
			const page = await this.runPage(run);
			if (!page) return false;
			expect(page.step, `${this.email}: run ${run.id} shows the step its acknowledged decisions lead to`).toBe(run.events.length);
			run.page = page;
			return true;
		}
		const event = pick(rand, run.page.choices);
		const path = `/scenarios/${run.slug}/runs/${run.id}`;
		const res = await this.post(`${path}?/choose`, { step: String(run.page.step), event }, { kind: 'choose', runId: run.id, event });
		if (!res) return false;
		const location = this.expectRedirect(res, new RegExp(`^${path}(/debrief)?$`));
		run.events.push(event);
		run.page = null;
		if (location.endsWith('/debrief')) {
			run.finished = true;
			this.current = null;
		}
		this.acknowledge();
		return true;
	}

	/** The run page as the server shows it now, or null when the server has gone. */
	async runPage(run: KnownRun): Promise<RunPage | null> {
		const res = await this.get(`/scenarios/${run.slug}/runs/${run.id}`);
		if (!res) return null;
		expect(res.status(), `${this.email}: run page ${run.id}`).toBe(200);
		return parseRunPage(await res.text());
	}

	/** A page only a signed-in learner can see: proves the session survived. */
	async expectSignedIn(): Promise<void> {
		const res = await this.get('/training');
		expect(res?.status(), `${this.email}: still signed in after the restart`).toBe(200);
	}

	private acknowledge() {
		this.inFlight = null;
		this.acknowledged++;
	}

	private async post(path: string, form: Record<string, string> | URLSearchParams, write: Write): Promise<APIResponse | null> {
		this.inFlight = write;
		const data = (form instanceof URLSearchParams ? form : new URLSearchParams(form)).toString();
		return this.send(() => this.http.post(path, { data, headers: FORM, maxRedirects: 0, failOnStatusCode: false }));
	}

	private async get(path: string): Promise<APIResponse | null> {
		return this.send(() => this.http.get(path, { maxRedirects: 0, failOnStatusCode: false }));
	}

	/** A failed request is expected only once the server has been killed. */
	private async send(call: () => Promise<APIResponse>): Promise<APIResponse | null> {
		try {
			return await call();
		} catch (error) {
			if (this.server.killed) return null;
			throw error;
		}
	}

	private expectRedirect(res: APIResponse, to: RegExp): string {
		const location = res.headers()['location'] ?? '';
		expect(`${res.status()} ${location}`, `${this.email}: ${res.url()}`).toMatch(new RegExp(`^303 ${to.source.replace(/^\^/, '')}`));
		return location;
	}

	private async expectPage(res: APIResponse, contains: string): Promise<void> {
		expect(res.status(), `${this.email}: ${res.url()}`).toBe(200);
		expect(await res.text()).toContain(escapeHtml(contains));
	}
}

function bump(counts: Map<string, number>, key: string) {
	counts.set(key, (counts.get(key) ?? 0) + 1);
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
