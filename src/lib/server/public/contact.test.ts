import { describe, expect, it } from 'vitest';
import { supportEmail } from './contact';

describe('supportEmail', () => {
	it('gives the configured address, or null when it is missing or not an email address', () => {
		expect(supportEmail({ SUPPORT_EMAIL: ' academy-help@met.police.uk ' })).toBe('academy-help@met.police.uk');
		expect(supportEmail({})).toBeNull();
		expect(supportEmail({ SUPPORT_EMAIL: '' })).toBeNull();
		expect(supportEmail({ SUPPORT_EMAIL: 'javascript:alert(1)' })).toBeNull();
	});
});
