import { describe, expect, it } from 'vitest';
import { briefingBlocks } from './briefing';
import { allScenarios } from '../../content';

describe('briefingBlocks', () => {
	it('reads paragraphs and lists, joining wrapped lines', () => {
		const markdown =
			'You are on a night shift\nin Islington.\n\nIn this scenario you decide:\n\n- how to respond\n- who watches\n  his breathing\n\n1. first\n2. second\n';
		expect(briefingBlocks(markdown)).toEqual([
			{ kind: 'paragraph', text: 'You are on a night shift in Islington.' },
			{ kind: 'paragraph', text: 'In this scenario you decide:' },
			{ kind: 'list', ordered: false, items: ['how to respond', 'who watches his breathing'] },
			{ kind: 'list', ordered: true, items: ['first', 'second'] }
		]);
	});

	it('keeps markup as text, for the page to escape', () => {
		expect(briefingBlocks('<script>alert(1)</script> and **bold**')).toEqual([{ kind: 'paragraph', text: '<script>alert(1)</script> and bold' }]);
	});

	it('gives every real briefing at least two paragraphs', () => {
		for (const def of allScenarios()) {
			expect(briefingBlocks(def.briefingMarkdown).filter((block) => block.kind === 'paragraph').length).toBeGreaterThan(1);
		}
	});
});
