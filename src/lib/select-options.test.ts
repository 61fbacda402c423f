import { describe, expect, it } from 'vitest';
import { optionGroupsHtml, optionsHtml } from './select-options';

describe('optionsHtml', () => {
	it('writes each option with its value, marking the selected one only', () => {
		const html = optionsHtml(
			[
				{ value: '', label: 'All units' },
				{ value: 12, label: 'Lambeth' },
				{ value: 120, label: 'Southwark' }
			],
			12
		);
		expect(html).toBe('<option value="">All units</option><option value="12" selected>Lambeth</option><option value="120">Southwark</option>');
	});

	it('compares values as a form sends them, and selects nothing when asked for nothing or for a value not listed', () => {
		const options = [
			{ value: 1, label: 'One' },
			{ value: 'first', label: 'First' }
		];
		expect(optionsHtml(options, '1')).toContain('<option value="1" selected>');
		expect(optionsHtml(options)).not.toContain('selected');
		expect(optionsHtml(options, 2)).not.toContain('selected');
		expect(optionsHtml(options, '')).not.toContain('selected');
		expect(optionsHtml([])).toBe('');
	});

	it('escapes every label and value, so that a name cannot close the element or add an attribute', () => {
		const html = optionsHtml([{ value: '"><script>x</script>', label: `</option><script>alert('x')</script> & "co"` }]);
		expect(html).toBe(
			'<option value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;">&lt;/option&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;</option>'
		);
		expect(html).not.toMatch(/<script/);
	});
});

describe('optionGroupsHtml', () => {
	it('writes each group with its escaped label and its options, the selected one marked in whichever group it is', () => {
		const html = optionGroupsHtml(
			[
				{ label: 'Met <Police>', options: [{ value: 1, label: 'A1' }] },
				{ label: 'NHS', options: [{ value: 2, label: 'B1' }] }
			],
			2
		);
		expect(html).toBe(
			'<optgroup label="Met &lt;Police&gt;"><option value="1">A1</option></optgroup><optgroup label="NHS"><option value="2" selected>B1</option></optgroup>'
		);
	});
});
