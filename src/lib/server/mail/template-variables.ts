/**
 * Every email template and the placeholders it may use, with what each holds. A template in content/emails/ must
 * be listed here, and may use only these placeholders (checked at build by `npm run content:check` and in tests);
 * `queueMail` is typed by it, so a caller cannot leave a value out.
 *   text: one line, HTML-escaped in the HTML part
 *   list: a list of lines, written as a bullet list; the placeholder must stand alone in its paragraph
 *   url:  an http(s) address, for a link's target
 */
export type VariableType = 'text' | 'list' | 'url';

export const TEMPLATE_VARIABLES = {
	'assignment-update': { name: 'text', summary: 'text', details: 'list', action: 'text', trainingUrl: 'url', notificationsUrl: 'url' },
	'session-update': { name: 'text', summary: 'text', details: 'list', action: 'text', sessionUrl: 'url', notificationsUrl: 'url' },
	'prior-learning-outcome': { name: 'text', summary: 'text', details: 'list', action: 'text', claimUrl: 'url', notificationsUrl: 'url' },
	'refresher-reminder': { name: 'text', summary: 'text', items: 'list', trainingUrl: 'url', notificationsUrl: 'url', dueSoonDays: 'text', finalDays: 'text' },
	'account-activation': { name: 'text', organisation: 'text', email: 'text', activateUrl: 'url', forgotUrl: 'url', days: 'text' },
	'account-activation-sso': { name: 'text', organisation: 'text', email: 'text', loginUrl: 'url' },
	'password-reset': { name: 'text', resetUrl: 'url', forgotUrl: 'url', minutes: 'text' },
	'password-reset-sso': { name: 'text', organisation: 'text', loginUrl: 'url' },
	'manager-digest': {
		name: 'text',
		scope: 'text',
		frequency: 'text',
		date: 'text',
		counts: 'list',
		assignments: 'list',
		manageUrl: 'url',
		accountUrl: 'url',
		unsubscribeUrl: 'url',
		dueSoonDays: 'text'
	}
} as const satisfies Record<string, Record<string, VariableType>>;

export type TemplateName = keyof typeof TEMPLATE_VARIABLES;
export const TEMPLATE_NAMES = Object.keys(TEMPLATE_VARIABLES) as TemplateName[];

type ValueOf<T extends VariableType> = T extends 'list' ? string[] : string;
/** The values a template needs, by its name. */
export type TemplateData<N extends TemplateName> = { [K in keyof (typeof TEMPLATE_VARIABLES)[N]]: ValueOf<(typeof TEMPLATE_VARIABLES)[N][K] & VariableType> };

/** How a message may be treated: mandatory messages cannot be switched off; subscriptions carry one-click unsubscribe. */
export const TEMPLATE_KINDS = ['mandatory', 'subscription'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
