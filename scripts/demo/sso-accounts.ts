// Who the demo's single sign-on is for: accounts at the London Ambulance Service's (local) OpenID provider, and
// how each stands on the academy's roster, so that the demo shows a sign-in that works and two that are refused.
import type { JobRoleId } from '../../src/lib/organisation-model';

export const DEMO_SSO_ORGANISATION = 'London Ambulance Service';
export const DEMO_SSO_DOMAIN = 'las.demo.test';
/** The provider's own password for its accounts (the academy never sees it). */
export const DEMO_SSO_PASSWORD = 'demo-sso-2026';
export const DEMO_SSO_CLIENT = {
	clientId: 'crisis-care-academy-demo',
	clientSecret: 'demo-client-secret-not-for-production'
};
/** Seals the demo client secret when SSO_SECRET_KEY is not set. Demo only: a deployment sets its own key. */
export const DEMO_SSO_SECRET_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

export type DemoSsoPerson = {
	id: string;
	email: string;
	name: string;
	jobRole: JobRoleId;
	roster: 'active' | 'left' | 'none';
	describe: string;
};

export const DEMO_SSO_PEOPLE: DemoSsoPerson[] = [
	{
		id: 'las-7f3a91',
		email: `paramedic@${DEMO_SSO_DOMAIN}`,
		name: 'Aoife Byrne',
		jobRole: 'paramedic',
		roster: 'active',
		describe: 'paramedic: signs in through the provider'
	},
	{
		id: 'las-2c84d0',
		email: `emt@${DEMO_SSO_DOMAIN}`,
		name: 'Kwabena Asante',
		jobRole: 'emergency-medical-technician',
		roster: 'active',
		describe: 'emergency medical technician: signs in through the provider'
	},
	{
		id: 'las-95be17',
		email: `leaver@${DEMO_SSO_DOMAIN}`,
		name: 'Ruth Kaplan',
		jobRole: 'paramedic',
		roster: 'left',
		describe: 'has left: refused, though the provider still signs her in'
	},
	{
		id: 'las-d1406c',
		email: `agency@${DEMO_SSO_DOMAIN}`,
		name: 'Jon Mills',
		jobRole: 'paramedic',
		roster: 'none',
		describe: 'not on the roster: refused'
	}
];
