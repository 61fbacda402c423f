import { describe, expect, it } from 'vitest';
import { decision, ending } from '../../../../content/scenarios/authoring';

describe('writing a scenario with decision() and ending()', () => {
	it('gives the state an author would write by hand: each choice offered and its transition, in order', () => {
		const state = decision({
			narrative: 'You arrive to find a man shouting at traffic.',
			choices: {
				TALK: { label: 'Introduce yourself', target: 'talking', feedback: 'Good: time and space.', score: 2, flags: [] },
				GRAB: { label: 'Take hold of his arms', target: 'struggle', feedback: 'Hands-on first escalated things.', score: -2, flags: ['force-first'] }
			}
		});
		expect(state).toEqual({
			meta: {
				narrative: 'You arrive to find a man shouting at traffic.',
				choices: [
					{ event: 'TALK', label: 'Introduce yourself' },
					{ event: 'GRAB', label: 'Take hold of his arms' }
				]
			},
			on: {
				TALK: { target: 'talking', meta: { feedback: 'Good: time and space.', score: 2, flags: [] } },
				GRAB: { target: 'struggle', meta: { feedback: 'Hands-on first escalated things.', score: -2, flags: ['force-first'] } }
			}
		});
		expect(Object.keys(state.on)).toEqual(['TALK', 'GRAB']);
		expect(state.meta).not.toHaveProperty('deadlineSeconds');
	});

	it('a timed decision takes HESITATE (or the event it names) when no answer comes, as a transition that is not offered', () => {
		const hesitate = { target: 'worse', feedback: 'While you hesitated…', score: -1, flags: [] };
		const choices = { TALK: { label: 'Talk', target: 'talking', feedback: 'Good.', score: 1, flags: [] } };
		const timed = decision({ narrative: 'N', choices, deadlineSeconds: 30, onHesitate: hesitate });
		expect(timed.meta).toMatchObject({ deadlineSeconds: 30, hesitate: 'HESITATE', choices: [{ event: 'TALK', label: 'Talk' }] });
		expect(Object.keys(timed.on)).toEqual(['TALK', 'HESITATE']);
		expect(timed.on.HESITATE).toEqual({ target: 'worse', meta: { feedback: 'While you hesitated…', score: -1, flags: [] } });
		const named = decision({ narrative: 'N', choices, deadlineSeconds: 30, onHesitate: { ...hesitate, event: 'WAIT' } });
		expect(named.meta.hesitate).toBe('WAIT');
		expect(Object.keys(named.on)).toEqual(['TALK', 'WAIT']);
	});

	it('an ending is a bare final state: its words are in endings.yaml', () => {
		expect(ending()).toEqual({ type: 'final' });
	});
});
